import { Command } from 'commander';
import { benchCheckCommand } from './bench-check.js';
import { benchPhantomCommand } from './bench-phantom.js';
import { benchPipelineCommand } from './bench-pipeline.js';

export function benchCommand(): Command {
  return new Command('bench')
    .description(
      'Benchmarks that print figures: phantom generation (default), the check pipeline, or the event pipeline',
    )
    .addCommand(benchPhantomCommand(), { isDefault: true })
    .addCommand(benchCheckCommand())
    .addCommand(benchPipelineCommand());
}
