/** Password rules shared by the API contract and the forms that ask for one. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
