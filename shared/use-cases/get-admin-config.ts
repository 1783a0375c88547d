import type { Principal } from '../auth/principal.ts';
import type { ApprovalStepConfig, CatalogNode, FormField } from '../config/catalog-schema.ts';
import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { SlaAction } from '../config/sla-schema.ts';
import { findCatalogItem } from '../domain/catalog.ts';
import { ForbiddenError } from '../errors.ts';
import type { AdminCatalogNodeView, AdminConfigView } from '../http/admin-config-schemas.ts';

export interface AdminConfigDeps {
  config: ServiceDeskConfig;
}

// The view only changes with the configuration, which is parsed once per process.
const views = new WeakMap<ServiceDeskConfig, AdminConfigView>();

/**
 * The configuration the desk runs, read-only, for admins (people in the admin group; no machine
 * client). Every value is copied field by field, so a field later added to the configuration stays
 * out until it is added here. Left out: the identity providers' client ids and the names of their
 * client secrets (what the user pool and a provider trust each other with), and, being no part of
 * this screen, the SES receipt rule set, the notification templates and the people directory
 * (managers, VIP flags, Reply-To addresses).
 */
export function getAdminConfig(deps: AdminConfigDeps, principal: Principal): { config: AdminConfigView } {
  if (principal.kind !== 'user' || !principal.roles.includes('admin')) throw new ForbiddenError('Only admins read the configuration');
  let view = views.get(deps.config);
  if (!view) {
    view = adminView(deps.config);
    views.set(deps.config, view);
  }
  return { config: view };
}

function adminView(config: ServiceDeskConfig): AdminConfigView {
  const email = config.email;
  return {
    ticketKeyPrefix: config.ticketKeyPrefix,
    defaultDesk: config.defaultDesk,
    desks: config.desks.map((desk) => ({
      id: desk.id,
      name: desk.name,
      restricted: desk.restricted,
      managers: [...desk.managers],
      ...(desk.escalateTo ? { escalateTo: desk.escalateTo } : {}),
      levels: desk.levels.map((level) => ({ id: level.id, name: level.name, members: [...level.members], assignment: level.assignment })),
    })),
    staff: config.users.map((user) => ({ email: user.email, name: user.name, role: user.role, ...(user.signature ? { signature: user.signature } : {}) })),
    groups: config.groups.map((group) => ({ id: group.id, name: group.name, members: [...group.members] })),
    catalog: config.catalog.map((node) => catalogNodeView(config, node)),
    slaPolicies: config.slaPolicies.map((policy) => ({
      id: policy.id,
      ...(policy.name ? { name: policy.name } : {}),
      when: structuredClone(policy.when),
      calendar: policy.calendar,
      targets: { ...policy.targets },
      pauseOn: [...policy.pauseOn],
      thresholds: policy.thresholds.map((threshold) => ({ percent: threshold.percent, actions: threshold.actions.map(actionView) })),
    })),
    calendars: config.calendars.map((calendar) => ({
      id: calendar.id,
      timeZone: calendar.timeZone,
      hours: structuredClone(calendar.hours),
      ...(calendar.holidays ? { holidays: structuredClone(calendar.holidays) } : {}),
    })),
    routingRules: config.routingRules.map((rule) => ({
      id: rule.id,
      ...(rule.description ? { description: rule.description } : {}),
      when: structuredClone(rule.when),
      then: structuredClone(rule.then),
    })),
    ...(email
      ? {
          email: {
            address: email.address,
            ...(email.name ? { name: email.name } : {}),
            maxAutomaticRepliesPerHour: email.maxAutomaticRepliesPerHour,
            retainRawMailDays: email.retainRawMailDays,
            attachments: { maxFileBytes: email.attachments.maxFileBytes, maxTotalBytes: email.attachments.maxTotalBytes, maxCount: email.attachments.maxCount },
          },
        }
      : {}),
    uploads: { maxFileBytes: config.uploads.maxFileBytes, maxCount: config.uploads.maxCount },
    signIn: {
      selfSignUpDomains: [...config.signIn.selfSignUpDomains],
      emailCode: config.signIn.emailCode,
      // Neither the client id nor the name of the client secret: what a provider trusts the pool with stays with the stack.
      identityProviders: config.signIn.identityProviders.map((provider) => ({
        id: provider.id,
        name: provider.name,
        type: provider.type,
        ...(provider.type === 'oidc' ? { issuerUrl: provider.issuerUrl } : { metadataUrl: provider.metadataUrl }),
        emailDomains: [...provider.emailDomains],
      })),
    },
  };
}

function catalogNodeView(config: ServiceDeskConfig, node: CatalogNode): AdminCatalogNodeView {
  const item = findCatalogItem(config, node.id)!;
  const desk = config.desks.find((candidate) => candidate.id === item.desk);
  return {
    id: node.id,
    name: node.name,
    ...(node.description !== undefined ? { description: node.description } : {}),
    pinned: node.pinned ?? false,
    type: item.type,
    ...(item.priority ? { priority: item.priority } : {}),
    desk: item.desk,
    level: item.level ?? desk?.levels[0]?.id ?? '',
    form: node.form.map(formFieldView),
    approvals: node.approval.map((step) => approvalStepView(config, step)),
    children: node.children.map((child) => catalogNodeView(config, child)),
  };
}

function formFieldView(field: FormField): AdminCatalogNodeView['form'][number] {
  return {
    id: field.id,
    label: field.label,
    type: field.type,
    required: field.required,
    ...(field.help !== undefined ? { help: field.help } : {}),
    ...(field.options !== undefined ? { options: [...field.options] } : {}),
    ...(field.default !== undefined ? { default: Array.isArray(field.default) ? [...field.default] : field.default } : {}),
    ...(field.min !== undefined ? { min: field.min } : {}),
    ...(field.max !== undefined ? { max: field.max } : {}),
  };
}

function approvalStepView(config: ServiceDeskConfig, step: ApprovalStepConfig): AdminCatalogNodeView['approvals'][number] {
  switch (step.kind) {
    case 'user':
      return { kind: step.kind, label: `Approval by ${step.email}`, email: step.email, approvers: [step.email] };
    case 'group': {
      const group = config.groups.find((candidate) => candidate.id === step.group);
      return { kind: step.kind, label: `Approval by ${group?.name ?? step.group}`, group: step.group, approvers: [...(group?.members ?? [])] };
    }
    case 'requester_manager':
      return { kind: step.kind, label: "Approval by the requester's manager (from the directory; else the desk's managers)", approvers: [] };
  }
}

function actionView(action: SlaAction): AdminConfigView['slaPolicies'][number]['thresholds'][number]['actions'][number] {
  switch (action.kind) {
    case 'notify':
      return { kind: action.kind, to: [...action.to] };
    case 'set_priority':
      return { kind: action.kind, priority: action.priority };
    default:
      return { kind: action.kind };
  }
}
