/*
 * The connector editor (templates/admin/connector.vm): shows only the fields the chosen principal type takes, and
 * lets the role picker and the policy examples fill their fields. Without this script every field shows and the
 * server ignores the fields the chosen type does not take.
 */
(function () {
    'use strict';

    function showFieldsOf(form, type) {
        var blocks = form.querySelectorAll('[data-awsc-types]');
        for (var i = 0; i < blocks.length; i++) {
            var types = blocks[i].getAttribute('data-awsc-types').split(' ');
            blocks[i].style.display = (type === '' || types.indexOf(type) >= 0) ? '' : 'none';
        }
    }

    function copyChoice(selectId, fieldId) {
        var select = document.getElementById(selectId);
        var field = document.getElementById(fieldId);
        if (select && field) {
            select.addEventListener('change', function () {
                if (select.value !== '') {
                    field.value = select.value;
                }
            });
        }
    }

    function start() {
        var form = document.getElementById('awsc-connector-form');
        var type = document.getElementById('principalType');
        if (!form || !type) {
            return;
        }
        type.addEventListener('change', function () {
            showFieldsOf(form, type.value);
        });
        showFieldsOf(form, type.value);
        copyChoice('roleChoice', 'roleArn');
        copyChoice('awsc-policy-example', 'policy');
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
