import { Token, type Stack } from 'aws-cdk-lib';

/** The stack's account, region and partition as cdk-nag writes them in finding ids: unresolved ones as `<AWS::...>`. */
export function nagEnvironment(stack: Stack): { account: string; region: string; partition: string } {
  return {
    account: Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account,
    region: Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region,
    partition: Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition,
  };
}

/** An ARN of this stack's account and region as cdk-nag writes it in a finding id. */
export function nagArn(stack: Stack, service: string, resource: string): string {
  const { account, region, partition } = nagEnvironment(stack);
  return `arn:${partition}:${service}:${region}:${account}:${resource}`;
}
