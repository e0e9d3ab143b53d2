import type { passwordResetEs } from './password-reset-es.js';

/** Words of the forgotten password: the page asking for a link, the mail and the new-password page. */
export const passwordResetEn: typeof passwordResetEs = {
  passwordReset: {
    forgotLink: 'Forgot your password?',
    forgotTitle: 'Recover your password',
    forgotIntro: "Type your account's email and we will send you a link to choose a new password.",
    send: 'Send the link',
    sentTitle: 'Check your mail',
    sent: 'If an account has {{email}}, a link to choose a new password will reach it in a few minutes. The link works once, for an hour.',
    tooMany: 'Too many links were asked for. Wait a while before asking for another.',
    backToSignIn: 'Back to sign-in',
    resetTitle: 'Choose a new password',
    resetIntro: 'Saving it signs you out everywhere you are signed in.',
    passwordHint: 'At least {{min}} characters; a long phrase is easy to remember and hard to guess.',
    newPassword: 'New password',
    confirmPassword: 'Repeat the new password',
    mismatch: 'The passwords do not match.',
    save: 'Save the password',
    doneTitle: 'Password changed',
    done: 'You can sign in with your new password now.',
    noToken: 'This link is incomplete. Open it as it arrived in the mail, or ask for a new one.',
    linkInvalid: 'This link is not valid. Ask for a new one.',
    linkUsed: 'This link was already used. Ask for a new one if you need it.',
    linkExpired: 'This link has expired (it works for an hour). Ask for a new one.',
    askAgain: 'Ask for a new link',
    mail: {
      subject: 'Choose a new password for Mesa',
      greeting: 'Hello {{name}},',
      body: 'Someone (probably you) asked to change the password of your service desk account. To choose a new one, open this link within the next hour; it works once:',
      action: 'Choose a new password',
      ignore: 'If you did not ask for this, ignore this mail: your password does not change.',
      footer: 'Mesa Service Desk · This mail is sent automatically.',
    },
  },
  attempts: {
    left_one: '{{count}} attempt left before sign-in is locked for {{minutes}} minutes.',
    left_other: '{{count}} attempts left before sign-in is locked for {{minutes}} minutes.',
    none: 'Sign-in from here is locked for {{minutes}} minutes. You can recover your password or ask an admin to unlock it.',
  },
};
