// The reason the yaml package gives for a syntax error, fit for one line of a
// diagnostic: its first line, with the token it quotes cut short. A binary
// file read as YAML (a PDF saved as fonts.yaml, say) would otherwise put
// kilobytes of its bytes in the message.
const LONGEST_TOKEN = 40;

export function yamlReason(message: string): string {
  const first = message.split('\n')[0];
  const shortened = first.replace(/"([^"]*)"/g, (_, token: string) => `"${token.length > LONGEST_TOKEN ? `${token.slice(0, LONGEST_TOKEN)}…` : token}"`);
  return shortened.length > 200 ? `${shortened.slice(0, 200)}…` : shortened;
}
