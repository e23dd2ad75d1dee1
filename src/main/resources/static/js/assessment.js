// The self-assessment page: the scores are kept as a draft on the server as they are typed (nothing typed is lost by an
// upload, a reload or a lost signal), the running total and the result come back with each save, and evidence is
// uploaded and deleted in the background (photos downscaled first), so the page never reloads under the typed scores.
(() => {
    const MAX_SIDE = 1600;
    const QUALITY = 0.8;

    function csrfHeaders() {
        const header = document.querySelector('meta[name="csrf-header"]');
        const token = document.querySelector('meta[name="csrf-token"]');
        return header && token ? { [header.content]: token.content } : {};
    }

    // --- the draft ------------------------------------------------------------------------------------------------
    const form = document.querySelector("form[data-draft-url]");
    if (form) {
        const state = document.getElementById("draft-state");
        const version = form.querySelector('input[name="version"]');
        let timer = null;
        let dirty = false;
        let submitting = false;
        let saving = null;

        const number = (name) => {
            const input = form.querySelector('[name="' + name + '"]');
            return input && input.value.trim() !== "" && !Number.isNaN(Number(input.value)) ? Number(input.value) : null;
        };

        const collect = () => {
            const scores = {};
            form.querySelectorAll('[name^="score."]').forEach((input) => {
                const code = input.name.substring("score.".length);
                if (input.type === "radio") {
                    if (input.checked) {
                        scores[code] = input.value === "true";
                    }
                } else if (input.value.trim() !== "") {
                    scores[code] = input.value.trim();
                }
            });
            const comment = form.querySelector('[name="comment"]');
            return {
                scores,
                comment: comment ? comment.value : null,
                people: number("people"),
                learningCitizens: number("learningCitizens"),
                basedOnVersion: Number(version.value),
            };
        };

        const show = (draft) => {
            state.textContent = "Đã lưu nháp lúc " + draft.savedAt;
            state.classList.remove("bad");
            const preview = draft.preview;
            const box = document.getElementById("running-total");
            const total = box.querySelector("[data-total]");
            if (total && preview.total !== null) {
                total.textContent = preview.total;
            }
            const result = box.querySelector("[data-result]");
            result.textContent = preview.resultLabel
                || "chưa chấm đủ (còn " + preview.missing.length + " mục)";
            result.classList.toggle("bad", preview.result === "FAIL");
            const reasons = box.querySelector("[data-reasons]");
            reasons.replaceChildren(
                ...preview.reasons.map((text) => Object.assign(document.createElement("li"), { textContent: text })),
                ...preview.problems.map((p) => Object.assign(document.createElement("li"), {
                    textContent: p.message,
                    className: "bad",
                })));
        };

        const save = (keepalive) => {
            if (submitting || !dirty) {
                return saving || Promise.resolve();
            }
            clearTimeout(timer);
            dirty = false;
            saving = fetch(form.dataset.draftUrl, {
                method: "PUT",
                headers: { "Content-Type": "application/json", Accept: "application/json", ...csrfHeaders() },
                body: JSON.stringify(collect()),
                credentials: "same-origin",
                keepalive: Boolean(keepalive),
            }).then(async (response) => {
                if (response.ok) {
                    return response.json();
                }
                if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
                    // refused (the deadline passed, the step moved on, signed out): trying again will not help
                    const problem = await response.json().catch(() => null);
                    throw Object.assign(new Error("refused"), {
                        refused: (problem && problem.detail) || "Máy chủ từ chối (mã " + response.status + ").",
                    });
                }
                throw new Error(String(response.status));
            }).then(show).catch((error) => {
                if (error.refused) {
                    dirty = true; // the next change tries again
                    state.textContent = "Không lưu được nháp: " + error.refused;
                    state.classList.add("bad");
                    return;
                }
                dirty = true;
                state.textContent = "Chưa lưu được nháp — sẽ thử lại";
                state.classList.add("bad");
                timer = setTimeout(() => save(false), 5000);
            }).finally(() => {
                saving = null;
            });
            return saving;
        };

        const changed = () => {
            dirty = true;
            clearTimeout(timer);
            timer = setTimeout(() => save(false), 800);
        };
        form.addEventListener("input", changed);
        form.addEventListener("change", changed);
        form.addEventListener("focusout", () => save(false));
        window.addEventListener("online", () => save(false)); // the signal is back: try now, not at the next retry
        document.addEventListener("visibilitychange", () => {
            if (document.visibilityState === "hidden") {
                save(true);
            }
        });
        form.addEventListener("submit", (event) => {
            if (!event.defaultPrevented) {
                submitting = true; // the submission deletes the draft: no save may follow it
                clearTimeout(timer);
            }
        });
        const rebase = document.querySelector("[data-draft-rebase]");
        if (rebase) {
            rebase.addEventListener("click", () => {
                version.value = version.dataset.currentVersion;
                dirty = true;
                save(false).then(() => document.getElementById("draft-stale").remove());
            });
        }
        window.assessmentDraft = { save: () => { dirty = true; return save(false); } };
    }

    // --- evidence ------------------------------------------------------------------------------------------------
    function evidenceBox() {
        return document.getElementById("evidence");
    }

    // after a swap, the scoring form's notes ("Cần minh chứng" / "Có 2 tệp") follow the list
    function updateNotes() {
        document.querySelectorAll("[data-evidence-note]").forEach((note) => {
            const row = document.querySelector('#evidence tr[data-item="' + note.dataset.evidenceNote + '"]');
            const count = row ? Number(row.dataset.count) : 0;
            note.textContent = count === 0
                ? "Cần minh chứng — tải lên ở phần Minh chứng bên dưới"
                : "Có " + count + " tệp minh chứng";
            note.classList.toggle("bad", count === 0);
            note.classList.toggle("muted", count > 0);
        });
    }

    function swap(html) {
        const template = document.createElement("template");
        template.innerHTML = html.trim();
        const fresh = template.content.querySelector("#evidence");
        if (fresh) {
            evidenceBox().replaceWith(fresh);
            updateNotes();
        }
    }

    function loadImage(file) {
        return new Promise((resolve, reject) => {
            const url = URL.createObjectURL(file);
            const image = new Image();
            image.onload = () => {
                URL.revokeObjectURL(url);
                resolve(image);
            };
            image.onerror = () => {
                URL.revokeObjectURL(url);
                reject(new Error("not an image"));
            };
            image.src = url;
        });
    }

    // a photo larger than 1600 px (or than the limit, or in a form the server does not keep) becomes a JPEG of at most
    // 1600 px on its longest side; anything else is sent as chosen
    async function prepare(file, limit) {
        if (!file.type.startsWith("image/")) {
            return file;
        }
        let image;
        try {
            image = await loadImage(file);
        } catch (e) {
            return file;
        }
        const longest = Math.max(image.naturalWidth, image.naturalHeight);
        const kept = file.type === "image/jpeg" || file.type === "image/png";
        if (longest <= MAX_SIDE && file.size <= limit && kept) {
            return file;
        }
        const scale = Math.min(1, MAX_SIDE / longest);
        const canvas = document.createElement("canvas");
        canvas.width = Math.round(image.naturalWidth * scale);
        canvas.height = Math.round(image.naturalHeight * scale);
        const context = canvas.getContext("2d");
        context.fillStyle = "#fff"; // a transparent PNG gets a white ground, not black, as a JPEG
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", QUALITY));
        const name = file.name.replace(/\.[^.]*$/, "") + ".jpg";
        return new File([blob], name, { type: "image/jpeg" });
    }

    function megabytes(bytes) {
        return (bytes / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 });
    }

    async function upload(uploadForm, input) {
        const file = input.files && input.files[0];
        const status = uploadForm.querySelector(".upload-state");
        const bar = uploadForm.querySelector("progress.upload");
        if (!file) {
            status.textContent = "Hãy chụp ảnh hoặc chọn tệp minh chứng.";
            return;
        }
        const limit = Number(uploadForm.dataset.maxBytes);
        status.textContent = file.type.startsWith("image/") ? "Đang thu nhỏ ảnh…" : "Đang chuẩn bị tệp…";
        const prepared = await prepare(file, limit);
        if (prepared.size > limit) {
            status.textContent = "Tệp “" + file.name + "” nặng " + megabytes(prepared.size)
                + " MB, quá giới hạn " + megabytes(limit) + " MB: hãy quét hoặc lưu PDF với độ phân giải thấp hơn.";
            input.value = "";
            return;
        }
        if (window.assessmentDraft) {
            window.assessmentDraft.save(); // the scores typed so far are kept before anything is sent
        }
        const data = new FormData();
        data.append("itemCode", uploadForm.querySelector('[name="itemCode"]').value);
        data.append("file", prepared, prepared.name);
        const request = new XMLHttpRequest();
        request.open("POST", uploadForm.action);
        request.setRequestHeader("HX-Request", "true");
        Object.entries(csrfHeaders()).forEach(([name, value]) => request.setRequestHeader(name, value));
        bar.hidden = false;
        bar.value = 0;
        request.upload.onprogress = (event) => {
            if (event.lengthComputable) {
                const percent = Math.round((100 * event.loaded) / event.total);
                bar.value = percent;
                status.textContent = "Đang tải lên… " + percent + "%";
            }
        };
        request.onload = () => {
            if (request.getResponseHeader("Content-Type")?.startsWith("text/html")) {
                swap(request.responseText);
            } else {
                bar.hidden = true;
                status.textContent = "Chưa tải lên được (mã " + request.status + "). Hãy thử lại.";
            }
        };
        request.onerror = () => {
            bar.hidden = true;
            status.textContent = "Mất kết nối khi tải lên. Hãy thử lại khi có sóng; điểm đã nhập vẫn còn.";
        };
        request.send(data);
    }

    document.addEventListener("change", (event) => {
        const input = event.target.closest("[data-evidence-file]");
        if (input) {
            upload(input.closest("form"), input);
        }
    });

    document.addEventListener("submit", (event) => {
        const target = event.target;
        if (event.defaultPrevented) {
            return; // the question of data-confirm was answered "no"
        }
        if (target.matches("form[data-evidence-upload]")) {
            event.preventDefault();
            const chosen = [...target.querySelectorAll("[data-evidence-file]")].find((i) => i.files && i.files.length);
            upload(target, chosen || target.querySelector("[data-evidence-file]"));
        } else if (target.matches("form[data-evidence-delete]")) {
            event.preventDefault();
            fetch(target.action, {
                method: "POST",
                headers: { "HX-Request": "true", ...csrfHeaders() },
                credentials: "same-origin",
            }).then((response) => response.text()).then(swap).catch(() => {
                window.alert("Mất kết nối: chưa xóa được tệp. Hãy thử lại.");
            });
        }
    });
})();
