/** A value someone typed or a server sent, quoted and escaped (JSON string rules), cut to `max`. */
export function quote(value: string, max = 120): string {
  const cut = value.length > max ? `${value.slice(0, max - 1)}…` : value;
  return JSON.stringify(cut);
}
