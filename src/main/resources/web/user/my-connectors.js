/*
 * "My AWS connectors" (templates/user/my-connectors.vm): the copy buttons (Clipboard API), the countdown to the
 * credentials' expiry, and closing the credentials dialog (which removes the credentials from the page). Without
 * this script the page still shows everything; only copying by button and the countdown are missing.
 */
(function () {
    'use strict';

    function setUpCopyButtons() {
        var buttons = document.querySelectorAll('.awsc-copy');
        for (var i = 0; i < buttons.length; i++) {
            buttons[i].addEventListener('click', copy);
        }
    }

    function copy(event) {
        var button = event.currentTarget;
        var source = document.getElementById(button.getAttribute('data-copy'));
        var label = button.getAttribute('data-label') || button.textContent;
        button.setAttribute('data-label', label);
        function say(text) {
            button.textContent = text;
            window.setTimeout(function () { button.textContent = label; }, 2000);
        }
        if (!source || !navigator.clipboard) {
            say(button.getAttribute('data-failed-text'));
            return;
        }
        navigator.clipboard.writeText(source.textContent).then(function () {
            say(button.getAttribute('data-copied-text'));
        }, function () {
            say(button.getAttribute('data-failed-text'));
        });
    }

    function pad(number) {
        return (number < 10 ? '0' : '') + number;
    }

    function setUpCountdown() {
        var countdown = document.getElementById('awsc-countdown');
        if (!countdown) {
            return;
        }
        var expires = Date.parse(countdown.getAttribute('data-expires'));
        if (isNaN(expires)) {
            return;
        }
        function tick() {
            var left = Math.floor((expires - Date.now()) / 1000);
            if (left <= 0) {
                countdown.textContent = countdown.getAttribute('data-expired-text');
                countdown.classList.add('awsc-expired');
                return;
            }
            var hours = Math.floor(left / 3600);
            var minutes = Math.floor(left % 3600 / 60);
            countdown.textContent = countdown.getAttribute('data-left-text') + ' '
                + hours + ':' + pad(minutes) + ':' + pad(left % 60);
            window.setTimeout(tick, 1000);
        }
        tick();
    }

    function setUpClose() {
        var close = document.getElementById('awsc-credentials-close');
        var dialog = document.getElementById('awsc-credentials');
        if (close && dialog) {
            close.addEventListener('click', function () {
                dialog.parentNode.removeChild(dialog);
            });
        }
    }

    function start() {
        setUpCopyButtons();
        setUpCountdown();
        setUpClose();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
