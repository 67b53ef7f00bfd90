// A minimal protobuf wire-format reader: varints, fixed 32/64-bit and length-delimited fields.
// Enough to walk any message when a descriptor table says what each field number means.

export const WIRE = { VARINT: 0, FIXED64: 1, BYTES: 2, FIXED32: 5 } as const;

export interface FieldHeader {
  num: number;
  wire: number;
}

export class ProtoReader {
  pos = 0;
  constructor(readonly buf: Uint8Array, readonly end = buf.length) {}

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** A varint as a 64-bit two's complement BigInt (negative int32/int64 take 10 bytes). */
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.end) throw new Error('unexpected end of protobuf varint');
      const byte = this.buf[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return BigInt.asIntN(64, result);
      shift += 7n;
      if (shift > 63n) throw new Error('protobuf varint too long');
    }
  }

  header(): FieldHeader {
    const key = Number(this.varint());
    return { num: key >>> 3, wire: key & 7 };
  }

  bytes(): Uint8Array {
    const length = Number(this.varint());
    if (length < 0 || this.pos + length > this.end) throw new Error('protobuf length out of range');
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  fixed64(): DataView {
    return this.take(8);
  }

  fixed32(): DataView {
    return this.take(4);
  }

  skip(wire: number): void {
    if (wire === WIRE.VARINT) this.varint();
    else if (wire === WIRE.FIXED64) this.take(8);
    else if (wire === WIRE.BYTES) this.bytes();
    else if (wire === WIRE.FIXED32) this.take(4);
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }

  private take(n: number): DataView {
    if (this.pos + n > this.end) throw new Error('unexpected end of protobuf fixed field');
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, n);
    this.pos += n;
    return view;
  }
}
