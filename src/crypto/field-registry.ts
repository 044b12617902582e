/**
 * Every encrypted column, with the fixed id of its subkey (crypto_kdf_derive_from_key). Ids are
 * never reused or renumbered: a ciphertext is bound to its column's subkey and to its
 * (table, column, row id, key version) as associated data.
 */
export const ENCRYPTED_FIELDS = {
  'situation.identity': { table: 'situation', column: 'identity_enc', subkeyId: 1 },
  'situation.contact': { table: 'situation', column: 'contact_enc', subkeyId: 2 },
  'situation.social': { table: 'situation', column: 'social_enc', subkeyId: 3 },
  'situation.health': { table: 'situation', column: 'health_enc', subkeyId: 4 },
  'situation.narrative': { table: 'situation', column: 'narrative_enc', subkeyId: 5 },
  'situation_transition.reason': { table: 'situation_transition', column: 'reason_enc', subkeyId: 6 },
  'document.filename': { table: 'document', column: 'filename_enc', subkeyId: 7 },
  'document.content': { table: 'document', column: 'content_enc', subkeyId: 8 },
  'consent.details': { table: 'consent', column: 'details_enc', subkeyId: 9 },
  'item_outcome.summary': { table: 'item_outcome', column: 'summary_enc', subkeyId: 10 },
  'item_outcome.person_response_how': { table: 'item_outcome', column: 'person_response_how_enc', subkeyId: 11 },
  'item_outcome.minutes': { table: 'item_outcome', column: 'minutes_enc', subkeyId: 12 },
  'recommendation.action': { table: 'recommendation', column: 'action_enc', subkeyId: 13 },
  'recommendation.note': { table: 'recommendation', column: 'note_enc', subkeyId: 14 },
  'referral.reason': { table: 'referral', column: 'reason_enc', subkeyId: 15 },
  'referral.summary': { table: 'referral', column: 'summary_enc', subkeyId: 16 },
  'referral.decline_reason': { table: 'referral', column: 'decline_reason_enc', subkeyId: 17 },
  'referral.snapshot': { table: 'referral', column: 'snapshot_enc', subkeyId: 18 },
  'referral_meeting.note': { table: 'referral_meeting', column: 'note_enc', subkeyId: 19 },
} as const;

export type EncryptedField = keyof typeof ENCRYPTED_FIELDS;
