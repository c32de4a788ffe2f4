// The client configuration `talosctl gen config` writes beside the machine configs. libs/client
// owns reading, merging and saving it; this is the shape generation produces.

export interface TalosconfigContext {
  endpoints: string[];
  nodes?: string[];
  /** base64 PEM of the OS CA certificate. */
  ca: string;
  /** base64 PEM of the admin client certificate (O=os:admin). */
  crt: string;
  /** base64 PEM of the admin client key. */
  key: string;
}

export interface Talosconfig {
  context: string;
  contexts: Record<string, TalosconfigContext>;
}
