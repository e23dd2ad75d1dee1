// Long forms keep what was typed (a form marked data-keep): its fields are saved in the tab's sessionStorage as they
// are typed and put back after a reload or a lost connection; sending the form clears them. Passwords, files and hidden
// fields (the CSRF token, the version a change is based on) are never kept.
(() => {
    const SKIPPED = new Set(["password", "file", "hidden", "submit", "button", "reset", "image"]);
    const FRESH = 15 * 60 * 1000;

    const fields = (form) => [...form.elements].filter((e) => e.name && !SKIPPED.has(e.type) && !e.disabled);
    const keyOf = (form) => "keep:" + (form.getAttribute("action") || location.pathname) + "#" + (form.id || "");

    function read(key) {
        try {
            return JSON.parse(sessionStorage.getItem(key) || "null");
        } catch (e) {
            return null;
        }
    }

    function snapshot(form) {
        const values = {};
        fields(form).forEach((e) => {
            if (e.type === "checkbox" || e.type === "radio") {
                (values[e.name] = values[e.name] || []);
                if (e.checked) {
                    values[e.name].push(e.value);
                }
            } else if (e.multiple && e.options) {
                values[e.name] = [...e.selectedOptions].map((o) => o.value);
            } else {
                values[e.name] = e.value;
            }
        });
        return { at: Date.now(), values };
    }

    function restore(form, values) {
        let changed = false;
        fields(form).forEach((e) => {
            if (!(e.name in values)) {
                return;
            }
            const value = values[e.name];
            if (e.type === "checkbox" || e.type === "radio") {
                const checked = Array.isArray(value) && value.includes(e.value);
                changed = changed || checked !== e.checked;
                e.checked = checked;
            } else if (e.multiple && e.options) {
                [...e.options].forEach((o) => { o.selected = value.includes(o.value); });
            } else if (typeof value === "string" && e.value !== value) {
                e.value = value;
                changed = true;
            }
        });
        return changed;
    }

    function notice(form, key) {
        const box = document.createElement("p");
        box.className = "flash kept";
        box.setAttribute("role", "status");
        box.textContent = "Đã khôi phục nội dung bạn nhập dở (chưa lưu). ";
        const discard = document.createElement("button");
        discard.type = "button";
        discard.className = "link";
        discard.textContent = "Bỏ nội dung này";
        discard.addEventListener("click", () => {
            sessionStorage.removeItem(key);
            location.reload();
        });
        box.append(discard);
        form.prepend(box);
    }

    document.querySelectorAll("form[data-keep]").forEach((form) => {
        const key = keyOf(form);
        const pending = read(key + ":sent");
        sessionStorage.removeItem(key + ":sent");
        const kept = read(key);
        // a form sent but shown again with a problem (or after signing in again) gets back what was sent
        const fallback = pending && Date.now() - pending.at < FRESH && document.querySelector('[role="alert"]')
            ? pending
            : null;
        const source = kept || fallback;
        if (source && restore(form, source.values)) {
            notice(form, key);
            if (!kept) {
                sessionStorage.setItem(key, JSON.stringify(source));
            }
        }
        let timer = null;
        const save = () => {
            clearTimeout(timer);
            timer = setTimeout(() => sessionStorage.setItem(key, JSON.stringify(snapshot(form))), 300);
        };
        form.addEventListener("input", save);
        form.addEventListener("change", save);
        form.addEventListener("submit", (event) => {
            if (event.defaultPrevented) {
                return;
            }
            clearTimeout(timer);
            sessionStorage.setItem(key + ":sent", JSON.stringify(snapshot(form)));
            sessionStorage.removeItem(key);
        });
    });
})();
