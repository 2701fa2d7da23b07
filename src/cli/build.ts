// `bulletin build [DIR] [-o FILE]`: the whole pipeline, IO at both ends.
import type { Command } from 'commander';

export function register(program: Command): void {
  void program;
}
