import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { memoryIo } from '../test-support/memory-io';
import { main } from './main';

describe('stepwise (no command)', () => {
  it('prints the version with --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const terminal = memoryIo();
      expect(await main([flag], terminal.io)).toBe(0);
      expect(terminal.stdout()).toBe(`${packageJson.version}\n`);
    }
  });

  it('lists every command and the exit codes with --help', async () => {
    const terminal = memoryIo();
    expect(await main(['--help'], terminal.io)).toBe(0);
    for (const command of ['validate', 'graph', 'run', 'import', 'compile']) {
      expect(terminal.stdout()).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    expect(terminal.stdout()).toContain('2  a usage error');
  });

  it('prints the help on stderr and exits 2 when no command is given', async () => {
    const terminal = memoryIo();
    expect(await main([], terminal.io)).toBe(2);
    expect(terminal.stderr()).toContain('Usage: stepwise <command>');
    expect(terminal.stdout()).toBe('');
  });

  it('exits 2 on an unknown command or option, naming it', async () => {
    const unknownCommand = memoryIo();
    expect(await main(['frobnicate'], unknownCommand.io)).toBe(2);
    expect(unknownCommand.stderr()).toContain('Unknown command "frobnicate"');
    const unknownOption = memoryIo();
    expect(await main(['validate', '--frobnicate', 'x.json'], unknownOption.io)).toBe(2);
    expect(unknownOption.stderr()).toContain("Unknown option '--frobnicate'");
  });

  it('shows a command help with `<command> --help` and `help <command>`', async () => {
    const viaFlag = memoryIo();
    const viaHelp = memoryIo();
    expect(await main(['validate', '--help'], viaFlag.io)).toBe(0);
    expect(await main(['help', 'validate'], viaHelp.io)).toBe(0);
    expect(viaFlag.stdout()).toContain('Usage: stepwise validate');
    expect(viaHelp.stdout()).toBe(viaFlag.stdout());
  });
});

describe('colors', () => {
  it('colors a terminal', async () => {
    const terminal = memoryIo({ tty: true });
    await main(['--help'], terminal.io);
    expect(terminal.stdout()).toContain('\u001b[1m');
  });

  it('never colors with NO_COLOR or --no-color, even on a terminal', async () => {
    const noColorEnv = memoryIo({ tty: true, env: { NO_COLOR: '1' } });
    const noColorFlag = memoryIo({ tty: true });
    await main(['--help'], noColorEnv.io);
    await main(['--no-color', '--help'], noColorFlag.io);
    expect(noColorEnv.stdout()).not.toContain('\u001b[');
    expect(noColorFlag.stdout()).not.toContain('\u001b[');
  });
});
