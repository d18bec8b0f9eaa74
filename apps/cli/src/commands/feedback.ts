import { resolve } from 'node:path';
import { Command } from 'commander';
import { environment } from '../config/environment.js';
import { UsageError } from '../errors.js';
import { exportDisputed } from '../feedback/export-disputed.js';

interface ExportFlags {
  api: string;
  out: string;
  token?: string;
  from?: string;
  to?: string;
  station?: string;
  technologist?: string;
}

export function feedbackCommand(): Command {
  return new Command('feedback').description("reviewers' agreement with the verdicts").addCommand(
    new Command('export')
      .description(
        'write the exams whose latest feedback disagrees as a folder for relabelling and retraining: ' +
          '<out>/<examId>/{original.dcm|png|jpg, verdict.json, feedback.json, masks/<structure>.png}, ' +
          '<out>/disputes.csv and <out>/README.md (a second run overwrites)',
      )
      .requiredOption('--api <url>', 'the SpineQC API, e.g. http://localhost:8080')
      .requiredOption('--out <dir>', 'folder to write (created if missing)')
      .option('--token <token>', 'API token of a QA manager or admin (default: SPINEQC_API_TOKEN)')
      .option('--from <iso>', 'exams received at or after this ISO date-time')
      .option('--to <iso>', 'exams received before this ISO date-time')
      .option('--station <name>', 'only this DR room')
      .option('--technologist <name>', 'only this technologist')
      // Usage errors return to main() (exit status 2) like every other command's.
      .exitOverride()
      .action(async (flags: ExportFlags) => {
        const api = checkedApi(flags.api);
        for (const [name, value] of [
          ['--from', flags.from],
          ['--to', flags.to],
        ] as const) {
          if (value !== undefined && Number.isNaN(Date.parse(value))) {
            throw new UsageError(`${name} must be an ISO date-time, got "${value}"`);
          }
        }
        const token = flags.token ?? environment().SPINEQC_API_TOKEN;
        if (!token) {
          throw new UsageError(
            'an API token is needed: --token or SPINEQC_API_TOKEN (create one with `spineqc admin create-token`)',
          );
        }
        const out = resolve(flags.out);
        const exams = await exportDisputed({
          api,
          token,
          out,
          filter: {
            from: flags.from,
            to: flags.to,
            station: flags.station,
            technologist: flags.technologist,
          },
        });
        process.stdout.write(`${exams.length} ${exams.length === 1 ? 'exam' : 'exams'} exported to ${out}\n`);
      }),
  );
}

function checkedApi(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--api must be a URL such as http://localhost:8080, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--api must be an http(s) URL, got "${text}"`);
  }
  return url.toString();
}
