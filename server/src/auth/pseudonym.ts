import { createHmac } from "node:crypto";

/** Crockford's base 32: no I, L, O or U, so a pseudonym reads aloud without ambiguity. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 8 characters = 40 bits: collisions stay unlikely (about 1 in 10,000) even with 15,000 actors. */
const LENGTH = 8;

/**
 * A stable, readable pseudonym for an actor (`Acteur 7K2Q9F3M`): a keyed HMAC-SHA256 of the actor's
 * id. Without the secret it can be neither reversed nor recomputed from a guessed id.
 */
export function pseudonymFor(actorId: string, secret: string): string {
  const digest = createHmac("sha256", secret).update(actorId, "utf8").digest();
  let bits = 0;
  let buffer = 0;
  let code = "";
  for (const byte of digest) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && code.length < LENGTH) {
      bits -= 5;
      code += ALPHABET[(buffer >> bits) & 31];
    }
    if (code.length === LENGTH) break;
    buffer &= (1 << bits) - 1;
  }
  return `Acteur ${code}`;
}
