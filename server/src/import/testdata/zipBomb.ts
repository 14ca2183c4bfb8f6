/**
 * A zip bomb shaped as a workbook, built by the tests (never stored): a valid .xlsx whose first
 * sheet inflates to `inflatedBytes` (1.2 GB by default) of XML from about a thousandth of that.
 * The sheet is one deflated 16 MB chunk repeated, so building it takes a second or two.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

interface Entry {
  name: string;
  method: 0 | 8;
  crc: number;
  compressed: Buffer;
  size: number;
}

const stored = (name: string, text: string): Entry => {
  const data = Buffer.from(text, "utf8");
  return { name, method: 0, crc: crc32(data), compressed: data, size: data.length };
};

/**
 * Deflate blocks can be repeated: one chunk deflated on its own and flushed to a byte boundary
 * (Z_FULL_FLUSH: no reference reaches before it) is a valid run of blocks wherever it stands, so the
 * sheet is the head, the same deflated chunk `times` times, then the tail as the final block.
 */
function deflatedRepeat(head: string, chunk: Buffer, times: number, tail: string): Entry {
  const flushed = (data: Buffer) => deflateRawSync(data, { level: constants.Z_BEST_COMPRESSION, finishFlush: constants.Z_FULL_FLUSH });
  const headBytes = Buffer.from(head);
  const tailBytes = Buffer.from(tail);
  let crc = crc32(headBytes);
  for (let i = 0; i < times; i += 1) crc = crc32(chunk, crc);
  crc = crc32(tailBytes, crc);
  const body = flushed(chunk);
  const compressed = Buffer.concat([flushed(headBytes), ...Array.from({ length: times }, () => body), deflateRawSync(tailBytes)]);
  return { name: "xl/worksheets/sheet1.xml", method: 8, crc, compressed, size: headBytes.length + chunk.length * times + tailBytes.length };
}

function zip(entries: readonly Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.compressed.length, 18);
    local.writeUInt32LE(entry.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.compressed.length, 20);
    central.writeUInt32LE(entry.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.compressed);
    centrals.push(central, name);
    offset += local.length + name.length + entry.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A workbook whose sheet, one header row then empty rows, inflates to about `inflatedBytes`. */
export function zipBombWorkbook(inflatedBytes = 1.2e9): Uint8Array {
  const chunk = Buffer.from("<row/>".repeat((16 * 1024 * 1024) / 8));
  const sheet = deflatedRepeat(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nom de la structure</t></is></c><c r="B1" t="inlineStr"><is><t>Commune</t></is></c></row>',
    chunk,
    Math.ceil(inflatedBytes / chunk.length),
    "</sheetData></worksheet>",
  );
  return zip([
    stored("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    stored("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    stored("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    sheet,
  ]);
}
