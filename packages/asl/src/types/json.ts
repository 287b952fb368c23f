/** A JSON primitive as it appears in a definition or a payload. */
export type JsonPrimitive = string | number | boolean | null;

/** A JSON object. Keys map to JSON values; nothing else survives serialisation. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** A JSON array. */
export type JsonArray = JsonValue[];

/** Any value that JSON can represent. */
export type JsonValue = JsonPrimitive | JsonObject | JsonArray;
