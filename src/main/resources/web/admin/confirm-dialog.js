/*
 * Asks before a delete, a key rotation or a rotation clean-up: a form with data-awsc-confirm shows AUI's dialog
 * with that question, and is sent (with confirm=yes) only when the admin confirms. Without this script, or without
 * AUI's dialog, the form is sent as it is and the server answers with a confirmation page instead.
 */
(function () {
    'use strict';

    function element(tag, attributes, text) {
        var node = document.createElement(tag);
        Object.keys(attributes).forEach(function (name) {
            node.setAttribute(name, attributes[name]);
        });
        if (text) {
            node.textContent = text;
        }
        return node;
    }

    function dialogFor(form) {
        var dialog = element('section', {
            'id': 'awsc-confirm-dialog', 'class': 'aui-dialog2 aui-dialog2-small aui-layer', 'role': 'dialog',
            'aria-hidden': 'true', 'aria-labelledby': 'awsc-confirm-dialog-title'
        });
        var header = element('header', {'class': 'aui-dialog2-header'});
        header.appendChild(element('h2', {'class': 'aui-dialog2-header-main', 'id': 'awsc-confirm-dialog-title'},
            form.getAttribute('data-awsc-confirm-title')));
        var content = element('div', {'class': 'aui-dialog2-content'});
        content.appendChild(element('p', {'id': 'awsc-confirm-dialog-question'},
            form.getAttribute('data-awsc-confirm')));
        var footer = element('footer', {'class': 'aui-dialog2-footer'});
        var actions = element('div', {'class': 'aui-dialog2-footer-actions'});
        var confirm = element('button', {'class': 'aui-button aui-button-primary', 'id': 'awsc-confirm-dialog-confirm',
            'type': 'button'}, form.getAttribute('data-awsc-confirm-button'));
        var cancel = element('button', {'class': 'aui-button aui-button-link', 'id': 'awsc-confirm-dialog-cancel',
            'type': 'button'}, form.getAttribute('data-awsc-confirm-cancel'));
        actions.appendChild(confirm);
        actions.appendChild(cancel);
        footer.appendChild(actions);
        dialog.appendChild(header);
        dialog.appendChild(content);
        dialog.appendChild(footer);
        return {section: dialog, confirm: confirm, cancel: cancel};
    }

    function ask(form) {
        var old = document.getElementById('awsc-confirm-dialog');
        if (old) {
            old.parentNode.removeChild(old);
        }
        var parts = dialogFor(form);
        document.body.appendChild(parts.section);
        var dialog = window.AJS.dialog2(parts.section);
        parts.confirm.addEventListener('click', function () {
            form.appendChild(element('input', {'type': 'hidden', 'name': 'confirm', 'value': 'yes'}));
            dialog.hide();
            form.submit();
        });
        parts.cancel.addEventListener('click', function () {
            dialog.hide();
        });
        dialog.show();
    }

    function start() {
        if (!window.AJS || typeof window.AJS.dialog2 !== 'function') {
            return;
        }
        var forms = document.querySelectorAll('form[data-awsc-confirm]');
        for (var i = 0; i < forms.length; i++) {
            forms[i].addEventListener('submit', function (event) {
                event.preventDefault();
                ask(event.currentTarget);
            });
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
