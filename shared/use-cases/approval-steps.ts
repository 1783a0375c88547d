import type { ApprovalStepConfig } from '../config/catalog-schema.ts';
import type { DeskConfig, ServiceDeskConfig } from '../config/config-schema.ts';
import type { Approval, ApprovalStep } from '../domain/approval.ts';

/**
 * Turns a catalog item's approval steps into the people who may decide each one. A requester
 * without a manager in the directory has the routed desk's managers (or else the admins) decide
 * that step instead, so the request never waits on nobody; nobody approves their own request.
 */
export function startApproval(config: ServiceDeskConfig, steps: ApprovalStepConfig[], requesterEmail: string, desk: DeskConfig): Approval | undefined {
  if (steps.length === 0) return undefined;
  const resolved: ApprovalStep[] = steps.map((step) => {
    switch (step.kind) {
      case 'user':
        return { kind: step.kind, label: `Approval by ${step.email}`, approvers: [step.email] };
      case 'group': {
        const group = config.groups.find((candidate) => candidate.id === step.group)!;
        return { kind: step.kind, label: `Approval by ${group.name}`, approvers: [...group.members] };
      }
      case 'requester_manager': {
        const manager = config.directory.find((entry) => entry.email === requesterEmail)?.manager;
        if (manager) return { kind: step.kind, label: "Approval by the requester's manager", approvers: [manager] };
        const admins = config.users.filter((user) => user.role === 'admin').map((user) => user.email);
        return desk.managers.length
          ? { kind: step.kind, label: `Approval by the managers of ${desk.name} (the requester has no manager in the directory)`, approvers: [...desk.managers] }
          : { kind: step.kind, label: 'Approval by an admin (the requester has no manager in the directory)', approvers: admins };
      }
    }
  });
  return { state: 'pending', current: 0, steps: resolved.map((step) => withoutRequester(step, config, requesterEmail, desk)) };
}

/**
 * Nobody approves their own request (an admin asking for software, a manager for access): the
 * requester is taken out of a step, and a step left without approvers goes to the desk's other
 * managers, else the other admins. Only when nobody else exists does the requester decide.
 */
function withoutRequester(step: ApprovalStep, config: ServiceDeskConfig, requesterEmail: string, desk: DeskConfig): ApprovalStep {
  if (!step.approvers.includes(requesterEmail)) return step;
  const others = (emails: string[]) => emails.filter((email) => email !== requesterEmail);
  const remaining = others(step.approvers);
  if (remaining.length) return { ...step, approvers: remaining };
  const managers = others(desk.managers);
  if (managers.length) return { ...step, label: `${step.label}; the managers of ${desk.name} instead (nobody approves their own request)`, approvers: managers };
  const admins = others(config.users.filter((user) => user.role === 'admin').map((user) => user.email));
  if (admins.length) return { ...step, label: `${step.label}; an admin instead (nobody approves their own request)`, approvers: admins };
  return step;
}
