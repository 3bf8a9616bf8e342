/** The Worker's entry point: only the fetch handler is exported (workerd's rule). */
import { createApp } from "./app";

export default createApp();
