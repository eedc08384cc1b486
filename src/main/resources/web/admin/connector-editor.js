/*
 * The connector editor (templates/admin/connector.vm): shows only the fields the chosen principal type takes and
 * disables the others, so a value left in a hidden field is neither sent nor refused; lets the role picker and the
 * policy examples fill their fields; names the IAM Role call the chosen account makes; and turns the list of groups
 * into a search of Jira's groups. Without this script every field shows with a note naming the types that take it,
 * the IAM Role call is the one of the account the page came with, and the groups are a plain multiple choice.
 */
(function () {
    'use strict';

    function showFieldsOf(form, type) {
        var blocks = form.querySelectorAll('[data-awsc-types]');
        for (var i = 0; i < blocks.length; i++) {
            var types = blocks[i].getAttribute('data-awsc-types').split(' ');
            var shown = type === '' || types.indexOf(type) >= 0;
            blocks[i].style.display = shown ? '' : 'none';
            // Blocks nest (a section and its fields carry the same types), so the outer one decides first.
            var controls = blocks[i].querySelectorAll('input, select, textarea, button');
            for (var j = 0; j < controls.length; j++) {
                controls[j].disabled = !shown;
            }
        }
    }

    /*
     * The IAM Role box names the call for the chosen account: AssumeRoleWithWebIdentity on a keyless one. The page
     * comes with the chosen account's lines shown; a change of account switches them, and the link to the account's
     * trust guidance follows the account.
     */
    function showCallOf(form, account) {
        var chosen = account.options[account.selectedIndex];
        var keyless = chosen ? chosen.getAttribute('data-awsc-keyless') === 'true' : false;
        var lines = form.querySelectorAll('li[data-awsc-keyless]');
        for (var i = 0; i < lines.length; i++) {
            lines[i].hidden = (lines[i].getAttribute('data-awsc-keyless') === 'true') !== keyless;
        }
        var links = form.querySelectorAll('a[data-awsc-account-link]');
        for (var j = 0; j < links.length; j++) {
            links[j].href = links[j].getAttribute('data-awsc-account-link') + encodeURIComponent(account.value)
                + '#awsc-keyless-guidance';
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

    function element(tag, attributes, text) {
        var node = document.createElement(tag);
        Object.keys(attributes).forEach(function (name) {
            node.setAttribute(name, attributes[name]);
        });
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    /*
     * The group picker: the chosen groups as labels with a remove button, and a combobox that searches Jira's
     * groups through Jira's own group picker REST resource. The hidden multiple choice stays the form's field.
     */
    function enhanceGroups(select) {
        var url = select.getAttribute('data-awsc-picker-url');
        if (!url || !window.fetch) {
            return;
        }
        var text = function (name) {
            return select.getAttribute('data-awsc-text-' + name) || '';
        };
        var label = document.querySelector('label[for="groups"]');
        var chosen = element('ul', {id: 'awsc-groups-chosen', 'aria-label': text('chosen'),
            style: 'list-style: none; margin: 0 0 4px; padding: 0;'});
        var none = element('p', {id: 'awsc-groups-none', 'class': 'description'}, text('none'));
        var search = element('input', {type: 'text', id: 'awsc-groups-search', 'class': 'text long-field',
            role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
            'aria-controls': 'awsc-groups-results', 'aria-describedby': 'groups-description',
            autocomplete: 'off', placeholder: text('search')});
        var results = element('ul', {id: 'awsc-groups-results', role: 'listbox', 'aria-label': text('search'),
            style: 'list-style: none; margin: 0; padding: 0; max-width: 500px; '
                + 'border: 1px solid var(--ds-border, #dfe1e6); max-height: 240px; overflow-y: auto;'});
        var status = element('div', {id: 'awsc-groups-status', role: 'status', 'aria-live': 'polite',
            'class': 'description'});
        results.hidden = true;
        var picker = element('div', {id: 'awsc-groups-picker'});
        [chosen, none, search, results, status].forEach(function (node) {
            picker.appendChild(node);
        });
        select.parentNode.insertBefore(picker, select.nextSibling);
        select.style.display = 'none';
        select.tabIndex = -1;
        select.setAttribute('aria-hidden', 'true');
        if (label) {
            label.setAttribute('for', 'awsc-groups-search');
        }
        var description = document.getElementById('groups-description');
        if (description && text('description')) {
            description.textContent = text('description');
        }
        // The text field for groups past the listed ones is for pages without this script: the search finds them all.
        var other = document.getElementById('awsc-groups-other');
        if (other) {
            other.style.display = 'none';
            document.getElementById('groupsOther').disabled = true;
        }

        var offered = [];
        var active = -1;
        var searches = 0;
        var timer = null;

        function optionOf(name) {
            for (var i = 0; i < select.options.length; i++) {
                if (select.options[i].value === name) {
                    return select.options[i];
                }
            }
            return null;
        }

        function showChosen() {
            chosen.textContent = '';
            var count = 0;
            for (var i = 0; i < select.options.length; i++) {
                var option = select.options[i];
                if (!option.selected) {
                    continue;
                }
                count++;
                var item = element('li', {'class': 'awsc-group-chosen', style: 'display: inline-block; margin: 0 4px 4px 0;'});
                var name = element('span', {'class': 'aui-label'}, option.textContent);
                var remove = element('button', {type: 'button', 'class': 'aui-button aui-button-subtle awsc-group-remove',
                    'aria-label': text('remove').replace('{0}', option.value), 'data-awsc-group': option.value}, '\u00d7');
                remove.addEventListener('click', unchoose.bind(null, option.value));
                item.appendChild(name);
                item.appendChild(remove);
                chosen.appendChild(item);
            }
            none.hidden = count > 0;
        }

        function choose(name) {
            var option = optionOf(name);
            if (!option) {
                option = new Option(name, name);
                select.add(option);
            }
            option.selected = true;
            search.value = '';
            close();
            showChosen();
            search.focus();
        }

        function unchoose(name) {
            var option = optionOf(name);
            if (option) {
                option.selected = false;
            }
            showChosen();
            search.focus();
        }

        function close() {
            results.hidden = true;
            results.textContent = '';
            offered = [];
            active = -1;
            search.setAttribute('aria-expanded', 'false');
            search.removeAttribute('aria-activedescendant');
        }

        function highlight(index) {
            var items = results.querySelectorAll('[role=option]');
            for (var i = 0; i < items.length; i++) {
                var on = i === index;
                items[i].setAttribute('aria-selected', on ? 'true' : 'false');
                items[i].style.background = on ? 'var(--ds-background-selected, #deebff)' : '';
            }
            active = index;
            if (index >= 0 && items[index]) {
                search.setAttribute('aria-activedescendant', items[index].id);
                items[index].scrollIntoView({block: 'nearest'});
            }
        }

        function offer(names) {
            close();
            offered = names.filter(function (name) {
                var option = optionOf(name);
                return !(option && option.selected);
            });
            if (offered.length === 0) {
                status.textContent = text('no-match');
                return;
            }
            status.textContent = '';
            offered.forEach(function (name, index) {
                var item = element('li', {role: 'option', id: 'awsc-groups-option-' + index, 'aria-selected': 'false',
                    'data-awsc-group': name, style: 'padding: 4px 8px; cursor: pointer;'}, name);
                // Keep the focus in the search field, so choosing with the mouse does not close the list first.
                item.addEventListener('mousedown', function (event) {
                    event.preventDefault();
                });
                item.addEventListener('click', choose.bind(null, name));
                results.appendChild(item);
            });
            results.hidden = false;
            search.setAttribute('aria-expanded', 'true');
        }

        function searchNow() {
            var mine = ++searches;
            var query = search.value.trim();
            fetch(url + '?query=' + encodeURIComponent(query) + '&maxResults=20',
                {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error('HTTP ' + response.status);
                    }
                    return response.json();
                })
                .then(function (body) {
                    if (mine === searches) {
                        offer((body.groups || []).map(function (group) {
                            return group.name;
                        }));
                    }
                })
                .catch(function () {
                    if (mine === searches) {
                        close();
                        status.textContent = text('failed');
                    }
                });
        }

        search.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(searchNow, 200);
        });
        search.addEventListener('focus', function () {
            if (results.hidden) {
                searchNow();
            }
        });
        search.addEventListener('blur', function () {
            searches++;
            close();
        });
        search.addEventListener('keydown', function (event) {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                if (results.hidden) {
                    searchNow();
                } else if (offered.length > 0) {
                    var step = event.key === 'ArrowDown' ? 1 : -1;
                    highlight((active + step + offered.length) % offered.length);
                }
            } else if (event.key === 'Enter') {
                if (!results.hidden) {
                    // Enter picks a group; it must not submit the form.
                    event.preventDefault();
                    if (active >= 0) {
                        choose(offered[active]);
                    } else if (offered.length === 1) {
                        choose(offered[0]);
                    }
                }
            } else if (event.key === 'Escape') {
                close();
            }
        });
        showChosen();
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
        var account = document.getElementById('accountId');
        if (account) {
            account.addEventListener('change', function () {
                showCallOf(form, account);
            });
            showCallOf(form, account);
        }
        copyChoice('roleChoice', 'roleArn');
        copyChoice('awsc-policy-example', 'policy');
        var groups = document.getElementById('groups');
        if (groups) {
            enhanceGroups(groups);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
