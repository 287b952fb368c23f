import { ForbiddenPathSegmentError, UnsupportedExpressionError } from '../errors';
import { FORBIDDEN_SEGMENTS, type PathRecord, type RefRoot } from './path-record';

const RECORD = Symbol('stepwise.ref');
const CANONICAL_INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * A stand-in for workflow data: reading a property records a path segment.
 * Selectors run once at build time against these stand-ins; nothing is ever
 * evaluated on real data.
 */
export function recorder(record: PathRecord): unknown {
  // A function target lets the `apply` trap turn method calls into a clear error.
  const target = () => undefined;
  return new Proxy(target, {
    get(_target, key) {
      if (key === RECORD) return record;
      if (typeof key === 'symbol') {
        if (key === Symbol.toPrimitive) return refuseArithmetic(record);
        return undefined;
      }
      if (FORBIDDEN_SEGMENTS.has(key)) throw new ForbiddenPathSegmentError(key);
      const segment = CANONICAL_INDEX.test(key) ? Number(key) : key;
      return recorder({ root: record.root, segments: [...record.segments, segment] });
    },
    apply() {
      throw new UnsupportedExpressionError(
        `A selector called a function at ${describe(record)}; selectors can only read fields.`,
      );
    },
    ownKeys() {
      throw new UnsupportedExpressionError(
        `A selector enumerated ${describe(record)}; name each field you need instead of spreading.`,
      );
    },
    set() {
      throw new UnsupportedExpressionError(
        `A selector assigned to ${describe(record)}; selectors are read-only.`,
      );
    },
  });
}

function refuseArithmetic(record: PathRecord): () => never {
  return () => {
    throw new UnsupportedExpressionError(
      `A selector computed with ${describe(record)}; use an intrinsic function or a JSONata expression instead.`,
    );
  };
}

function describe(record: PathRecord): string {
  const root = record.root.kind === 'variable' ? `$${record.root.name}` : record.root.kind;
  return [root, ...record.segments].join('.');
}

/** The recorded path behind a value, if it is a recorder. */
export function recordOf(value: unknown): PathRecord | undefined {
  if (typeof value !== 'function') return undefined;
  return (value as unknown as { [RECORD]?: PathRecord })[RECORD];
}

export function rootRecorder(root: RefRoot): unknown {
  return recorder({ root, segments: [] });
}

/** The `vars` argument: each property read starts a path at that variable. */
export function variablesRecorder(): unknown {
  return new Proxy(Object.create(null) as object, {
    get(_target, key) {
      if (typeof key === 'symbol') return undefined;
      if (FORBIDDEN_SEGMENTS.has(key)) throw new ForbiddenPathSegmentError(key);
      return rootRecorder({ kind: 'variable', name: key });
    },
  });
}
