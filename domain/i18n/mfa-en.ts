import type { mfaEs } from './mfa-es.js';

/** English messages for the second factor and signing in with an identity provider. Typed by the Spanish ones. */
export const mfaEn: typeof mfaEs = {
  mfa: {
    title: 'Two-step verification',
    description: 'Besides the password, a code from the authenticator app on your phone.',
    on: 'On',
    off: 'Off',
    required: 'The desk requires two-step verification for your account: turn it on to continue.',
    start: 'Turn on',
    scan: 'Scan the code with your authenticator app (or type the key) and enter the first code it shows.',
    secretLabel: 'Key to type by hand',
    qrAlt: 'QR code for the authenticator app',
    code: '6-digit code',
    confirm: 'Confirm',
    recoveryTitle: 'Recovery codes',
    recoveryHint: 'Keep them somewhere safe: they are shown only now, and each works once if you lose your phone.',
    recoveryLeft: 'You have {{count}} recovery codes left.',
    done: 'Done, I saved them',
    disable: 'Turn off',
    disableHint: 'To turn it off, enter a current code from the app.',
    wrongCode: 'The code is wrong or was already used.',
    stepTitle: 'Two-step verification',
    stepHint: 'Enter the code from your authenticator app, or one of your recovery codes.',
    stepCode: 'Code',
    stepSubmit: 'Verify',
    stepBack: 'Back',
    orWith: 'or sign in with',
    signInWith: 'Sign in with {{provider}}',
  },
};
