import * as fs from 'node:fs';
import { isElf, readElfDynamic, readElfDynamicFile } from './elf';

describe('readElfDynamic', () => {
  it('reads the interpreter and needed libraries of the running node', () => {
    const info = readElfDynamicFile(fs.realpathSync(process.execPath));
    expect(info.interpreter).toBe('/lib64/ld-linux-x86-64.so.2');
    expect(info.needed).toEqual(expect.arrayContaining(['libc.so.6', 'libstdc++.so.6']));
  });

  it('refuses what is not ELF', () => {
    const text = Buffer.from('#!/bin/sh\necho hi\n');
    expect(isElf(text)).toBe(false);
    expect(() => readElfDynamic(text, 'script')).toThrow('script: not an ELF file');
  });
});
