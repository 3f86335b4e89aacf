// Passkeys on the second-factor pages: registration (#passkey-register) and use (#passkey-authenticate) through
// Spring Security's WebAuthn endpoints. The JSON shapes follow its protocol; binary fields travel as base64url.
(function () {
  'use strict';

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64Url(value) {
    var text = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function csrfToken() {
    var field = document.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrfToken() },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function showFailure(error) {
    var message = document.getElementById('passkey-failed');
    if (message) {
      message.hidden = false;
    }
    if (window.console) {
      console.warn('passkey: ' + error);
    }
  }

  function register(button) {
    var label = (document.getElementById('passkey-label') || {}).value || 'Passkey';
    post('/webauthn/register/options').then(function (options) {
      options.challenge = fromBase64Url(options.challenge);
      options.user.id = fromBase64Url(options.user.id);
      options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: fromBase64Url(c.id) });
      });
      return navigator.credentials.create({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return post('/webauthn/register', {
        publicKey: {
          label: label,
          credential: {
            id: credential.id,
            rawId: toBase64Url(credential.rawId),
            type: credential.type,
            response: {
              attestationObject: toBase64Url(response.attestationObject),
              clientDataJSON: toBase64Url(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : []
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          }
        }
      });
    }).then(function (result) {
      if (!result || !result.success) {
        throw new Error('registration refused');
      }
      window.location.href = button.getAttribute('data-next');
    }).catch(showFailure);
  }

  function authenticate() {
    post('/webauthn/authenticate/options').then(function (options) {
      options.challenge = fromBase64Url(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: fromBase64Url(c.id) });
      });
      return navigator.credentials.get({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return post('/login/webauthn', {
        id: credential.id,
        rawId: toBase64Url(credential.rawId),
        credType: credential.type,
        response: {
          authenticatorData: toBase64Url(response.authenticatorData),
          clientDataJSON: toBase64Url(response.clientDataJSON),
          signature: toBase64Url(response.signature),
          userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
        },
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    }).then(function (result) {
      if (!result || !result.authenticated) {
        throw new Error('passkey refused');
      }
      window.location.href = result.redirectUrl;
    }).catch(showFailure);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var registerButton = document.getElementById('passkey-register');
    if (registerButton) {
      registerButton.addEventListener('click', function () { register(registerButton); });
    }
    var useButton = document.getElementById('passkey-authenticate');
    if (useButton) {
      useButton.addEventListener('click', authenticate);
    }
  });
}());
