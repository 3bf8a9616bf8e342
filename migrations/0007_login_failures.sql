ALTER TABLE `invitations` ADD `declined_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `failed_logins` integer DEFAULT 0 NOT NULL;