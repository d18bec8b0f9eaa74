import { ACCEPTED_SOP_CLASSES } from '../ingest/sop-classes.js';
import {
  STORAGE_TRANSFER_SYNTAXES,
  VERIFICATION_TRANSFER_SYNTAXES,
  chooseTransferSyntax,
} from './transfer-syntaxes.js';

export const VERIFICATION_SOP_CLASS = '1.2.840.10008.1.1';

/** Who may associate with the SCP. */
export interface AssociationPolicy {
  aeTitle: string;
  /** Calling AE titles allowed to associate; empty allows any. */
  allowedCallingAeTitles: readonly string[];
}

export type AssociationDecision =
  { accept: true } | { accept: false; reason: 'called-ae-not-recognized' | 'calling-ae-not-recognized' };

/** AE titles are compared as sent, without their non-significant padding (PS3.5 §6.2, VR AE). */
export function decideAssociation(
  request: { calledAeTitle: string; callingAeTitle: string },
  policy: AssociationPolicy,
): AssociationDecision {
  if (request.calledAeTitle.trim() !== policy.aeTitle.trim()) {
    return { accept: false, reason: 'called-ae-not-recognized' };
  }
  const allowed = policy.allowedCallingAeTitles.map((title) => title.trim());
  if (allowed.length > 0 && !allowed.includes(request.callingAeTitle.trim())) {
    return { accept: false, reason: 'calling-ae-not-recognized' };
  }
  return { accept: true };
}

export type PresentationContextDecision =
  | { accept: true; transferSyntaxUid: string }
  | { accept: false; reason: 'abstract-syntax-not-supported' | 'transfer-syntaxes-not-supported' };

/** Verification and the storage SOP classes SpineQC judges; anything else is refused per context. */
export function decidePresentationContext(
  abstractSyntaxUid: string,
  proposedTransferSyntaxes: readonly string[],
): PresentationContextDecision {
  const preference =
    abstractSyntaxUid === VERIFICATION_SOP_CLASS
      ? VERIFICATION_TRANSFER_SYNTAXES
      : Object.hasOwn(ACCEPTED_SOP_CLASSES, abstractSyntaxUid)
        ? STORAGE_TRANSFER_SYNTAXES
        : undefined;
  if (!preference) return { accept: false, reason: 'abstract-syntax-not-supported' };
  const transferSyntaxUid = chooseTransferSyntax(proposedTransferSyntaxes, preference);
  return transferSyntaxUid
    ? { accept: true, transferSyntaxUid }
    : { accept: false, reason: 'transfer-syntaxes-not-supported' };
}
