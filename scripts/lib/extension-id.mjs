// The extension's stable identity in Chrome and Edge. An extension's ID is derived from the public
// key in its manifest: the first 32 hex digits of the key's SHA-256, written with the letters a–p.
// Keeping the key in the manifest gives every build — unpacked, zipped, self-hosted — the same ID,
// so IT policies (ExtensionInstallForcelist, 3rdparty settings) name it once.
//
// Only the public key is here. The private key that signs a packed .crx is never committed: a
// health system that signs its own build makes its own key pair and builds with
// CHARTSIDE_PUBLIC_KEY set to its public key (README, "Deploying to a health system").
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** Chartside's public key (DER SubjectPublicKeyInfo, base64), as Chrome reads the manifest's `key`. */
export const CHARTSIDE_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0lJ/Z7/f+Fm3SySBbLz9qPeUo+KSmmZCUyN3YdkCU+B/5oXz9HGQ4kkDPIg8OVFSDno6pPMiCppwGrCNRjYAnRloH7U4Q3UEZqQHSeNNWsg/niUkUVRpOIgWilNMIsf8L40FF481kRAiEss7to8mLOeeRsO0AtCluDS3Z2Y0tx8Md3YA1/QxisbO4pjoj/vTDMIDXqKa1nNCeFdCleENh+x+2nCPxaicLMLDtk2N6tNEmY1UqmMe5i/scs4l2KNP0OoajcXjRypG8cC9GykYXaXTD5rzJ3t87ATm/ym45uCEhmzL4jxkQzApQoOdjJPv40hEIhPKJg5IRd46x7wJ1wIDAQAB';

/** The ID Chrome and Edge give an extension with this public key (base64 DER). */
export function extensionIdOf(publicKeyBase64) {
  const der = Buffer.from(publicKeyBase64, 'base64');
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * The public key a build uses: CHARTSIDE_PUBLIC_KEY when set (base64, or the path of a PEM public
 * key), else Chartside's own.
 */
export function buildPublicKey(env = process.env) {
  const given = env.CHARTSIDE_PUBLIC_KEY?.trim();
  if (!given) return CHARTSIDE_PUBLIC_KEY;
  const text = existsSync(given) ? readFileSync(given, 'utf8') : given;
  return text.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
}

/** Chartside's own ID, for docs and tests. */
export const CHARTSIDE_EXTENSION_ID = extensionIdOf(CHARTSIDE_PUBLIC_KEY);
