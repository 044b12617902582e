/**
 * Every encrypted column, with the fixed id of its subkey (crypto_kdf_derive_from_key) and the
 * field group it belongs to. Ids are never reused or renumbered: a ciphertext is bound to its
 * column's subkey and to its (table, column, row id, key version) as associated data. The
 * case-file path decrypts a field only for a reader whose category may read its group; `by_key`
 * marks a frozen data set whose keys are field groups, filtered key by key.
 */
export const ENCRYPTED_FIELDS = {
  'situation.identity': { table: 'situation', column: 'identity_enc', subkeyId: 1, group: 'identity' },
  'situation.contact': { table: 'situation', column: 'contact_enc', subkeyId: 2, group: 'contact' },
  'situation.social': { table: 'situation', column: 'social_enc', subkeyId: 3, group: 'social' },
  'situation.health': { table: 'situation', column: 'health_enc', subkeyId: 4, group: 'health' },
  'situation.narrative': { table: 'situation', column: 'narrative_enc', subkeyId: 5, group: 'narrative' },
  'situation_transition.reason': { table: 'situation_transition', column: 'reason_enc', subkeyId: 6, group: 'narrative' },
  'document.filename': { table: 'document', column: 'filename_enc', subkeyId: 7, group: 'documents' },
  'document.content': { table: 'document', column: 'content_enc', subkeyId: 8, group: 'documents' },
  'consent.details': { table: 'consent', column: 'details_enc', subkeyId: 9, group: 'identity' },
  'item_outcome.summary': { table: 'item_outcome', column: 'summary_enc', subkeyId: 10, group: 'narrative' },
  'item_outcome.person_response_how': { table: 'item_outcome', column: 'person_response_how_enc', subkeyId: 11, group: 'narrative' },
  'item_outcome.minutes': { table: 'item_outcome', column: 'minutes_enc', subkeyId: 12, group: 'narrative' },
  'recommendation.action': { table: 'recommendation', column: 'action_enc', subkeyId: 13, group: 'narrative' },
  'recommendation.note': { table: 'recommendation', column: 'note_enc', subkeyId: 14, group: 'narrative' },
  'referral.reason': { table: 'referral', column: 'reason_enc', subkeyId: 15, group: 'narrative' },
  'referral.summary': { table: 'referral', column: 'summary_enc', subkeyId: 16, group: 'narrative' },
  'referral.decline_reason': { table: 'referral', column: 'decline_reason_enc', subkeyId: 17, group: 'narrative' },
  'referral.snapshot': { table: 'referral', column: 'snapshot_enc', subkeyId: 18, group: 'by_key' },
  'referral_meeting.note': { table: 'referral_meeting', column: 'note_enc', subkeyId: 19, group: 'narrative' },
  // 40 onwards: the workflows' versions and reasons (ids 20-39 left to other capabilities).
  'item_outcome_version.summary': { table: 'item_outcome_version', column: 'summary_enc', subkeyId: 40, group: 'narrative' },
  'item_outcome_version.reason': { table: 'item_outcome_version', column: 'reason_enc', subkeyId: 41, group: 'narrative' },
  'recommendation_version.action': { table: 'recommendation_version', column: 'action_enc', subkeyId: 42, group: 'narrative' },
  'recommendation_version.reason': { table: 'recommendation_version', column: 'reason_enc', subkeyId: 43, group: 'narrative' },
  'referral_event.reason': { table: 'referral_event', column: 'reason_enc', subkeyId: 44, group: 'narrative' },
  // The person's objection and restriction of processing (RGPD art. 21 and 18): their reasons.
  'situation_measure.reason': { table: 'situation_measure', column: 'reason_enc', subkeyId: 45, group: 'narrative' },
  'situation_measure.lift_reason': { table: 'situation_measure', column: 'lift_reason_enc', subkeyId: 46, group: 'narrative' },
} as const;

export type EncryptedField = keyof typeof ENCRYPTED_FIELDS;
