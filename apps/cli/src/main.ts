import { Command, CommanderError } from 'commander';
import { adminCommand } from './commands/admin.js';
import { analyzeCommand } from './commands/analyze.js';
import { benchCommand } from './commands/bench.js';
import { checkCommand } from './commands/check.js';
import { contactSheetCommand } from './commands/contact-sheet.js';
import { evalCommand } from './commands/eval.js';
import { feedbackCommand } from './commands/feedback.js';
import { phantomCommand } from './commands/phantom.js';
import { serveCommand } from './commands/serve.js';
import { PartialFailure, UsageError } from './errors.js';
import { FeedbackExportError } from './feedback/feedback-export-error.js';

/** Runs the command line; returns the exit status (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('spineqc')
    .description('SpineQC: real-time quality control for lumbar spine radiographs')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addCommand(phantomCommand())
    .addCommand(checkCommand())
    .addCommand(analyzeCommand())
    .addCommand(evalCommand())
    .addCommand(benchCommand())
    .addCommand(contactSheetCommand())
    .addCommand(serveCommand())
    .addCommand(feedbackCommand())
    .addCommand(adminCommand());
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof PartialFailure || error instanceof FeedbackExportError) {
      process.stderr.write(`spineqc: ${error.message}\n`);
      return 1;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`spineqc: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`spineqc: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
