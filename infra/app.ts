import { App } from 'aws-cdk-lib';
import rawConfig from '#config';
import { ConfigError } from '../shared/config/config-error.ts';
import { buildApp } from './service-desk-app.ts';
import { StageError } from './stage.ts';
import { WebAppBuildMissingError } from './web-hosting.ts';

const app = new App();
try {
  buildApp(app, {
    config: rawConfig,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
} catch (error) {
  // A bad config or stage, or an unbuilt web app, is the operator's to fix: show the message, not a stack trace.
  if (error instanceof ConfigError || error instanceof StageError || error instanceof WebAppBuildMissingError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
app.synth();
