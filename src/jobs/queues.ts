/** Queues one side hands to the other (the general side cannot write the cellule schema). */
export const ACCESS_CHANGE_QUEUE = 'access-change-pending';
