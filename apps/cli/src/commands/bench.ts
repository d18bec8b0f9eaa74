import { Command } from 'commander';
import { benchCheckCommand } from './bench-check.js';
import { benchPhantomCommand } from './bench-phantom.js';

export function benchCommand(): Command {
  return new Command('bench')
    .description('Benchmarks that print figures: phantom generation (default) or the check pipeline')
    .addCommand(benchPhantomCommand(), { isDefault: true })
    .addCommand(benchCheckCommand());
}
