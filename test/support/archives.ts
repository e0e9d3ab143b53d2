import { crc32, deflateRawSync, gzipSync } from 'node:zlib';

/** The EICAR test file, put together here so this source holds no test virus a scanner would flag. */
export const EICAR = Buffer.from(
  ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!', '$H+H*'].join(''),
  'latin1',
);

export interface ZipEntryInput {
  name: string;
  data: Buffer;
  /** Stored as is instead of deflated. */
  store?: boolean;
  /** What the central directory claims it expands to (a lie, for hostile cases). */
  declaredSize?: number;
  /** The compression method written in the headers, over what `store` implies (the bytes are `data` as given). */
  method?: number;
}

/** A zip archive, written the way common tools write one (local headers, central directory, end record). */
export function zip(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = entry.store || entry.method !== undefined;
    const body = raw ? entry.data : deflateRawSync(entry.data);
    const method = entry.method ?? (entry.store ? 0 : 8);
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A ustar archive of the given files. */
export function tar(files: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    const header = Buffer.alloc(512);
    header.write(file.name, 0, 100, 'utf8');
    header.write('0000644\0', 100, 'latin1');
    header.write('0000000\0', 108, 'latin1');
    header.write('0000000\0', 116, 'latin1');
    header.write(`${file.data.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    header.write('00000000000\0', 136, 'latin1');
    header.write('        ', 148, 'latin1');
    header.write('0', 156, 'latin1');
    header.write('ustar\0', 257, 'latin1');
    header.write('00', 263, 'latin1');
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    parts.push(header, file.data, Buffer.alloc((512 - (file.data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** 42.zip in small: each level holds `width` copies of the level below; the bottom is `bottom`. */
export function nestedZip(levels: number, bottom: Buffer, width = 2): Buffer {
  let inner = zip([{ name: 'data.txt', data: bottom }]);
  for (let level = 1; level < levels; level++) {
    inner = zip(Array.from({ length: width }, (_, i) => ({ name: `part-${level}-${i}.zip`, data: inner })));
  }
  return inner;
}

/** A gzip inside a gzip, `levels` deep. */
export function nestedGzip(levels: number, bottom: Buffer): Buffer {
  let data = gzipSync(bottom);
  for (let level = 1; level < levels; level++) data = gzipSync(data);
  return data;
}
