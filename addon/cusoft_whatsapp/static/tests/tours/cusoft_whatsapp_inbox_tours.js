/** @odoo-module */
// The inbox tour run by tests/test_inbox_ui.py: a WhatsApp user opens /odoo/whatsapp, opens the
// customer's conversation, answers, reacts to the customer's message, and watches the answer's
// ticks move as the test plays Meta's part (send cron, then status webhooks through the real route).
import { registry } from "@web/core/registry";

const ANSWER = ".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_outbound:contains(On my way, 10 minutes)";
const QUESTION = ".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_inbound:contains(Hello, is my order ready?)";

registry.category("web_tour.tours").add("cusoft_whatsapp_inbox_tour", {
    steps: () => [
        {
            content: "The inbox lists the customer's conversation, unread",
            trigger: ".o_cusoft_whatsapp_inbox .o_cusoft_whatsapp_conversation.o_cusoft_whatsapp_unread:contains(Maria)",
            run: "click",
        },
        {
            content: "The conversation opens beside the list with the customer's message",
            trigger: QUESTION,
        },
        {
            content: "Opening it marked it read",
            trigger: ".o_cusoft_whatsapp_conversation.o_cusoft_whatsapp_active:not(.o_cusoft_whatsapp_unread):contains(Maria)",
        },
        {
            content: "Type an answer",
            trigger: ".o_cusoft_whatsapp_thread_pane textarea.o_cusoft_whatsapp_input",
            run: "edit On my way, 10 minutes",
        },
        {
            content: "Send it",
            trigger: ".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_send:enabled",
            run: "click",
        },
        {
            content: "The answer is in the thread at once, with its tick",
            trigger: `${ANSWER} .o_cusoft_whatsapp_tick`,
        },
        {
            content: "The server took the answer (its temporary id is gone)",
            trigger: `${ANSWER}:not([data-message-id^="-"])`,
        },
        {
            // The menu shows while the message has the focus (keyboard users) or the pointer; the
            // focus and the press happen together, as the composer takes the focus back after a send.
            content: "React to the customer's message from its menu",
            trigger: QUESTION,
            run() {
                this.anchor.focus();
                const thumbsUp = [...this.anchor.querySelectorAll(".o_cusoft_whatsapp_quick_reaction")].find(
                    (button) => button.textContent.trim() === "👍"
                );
                if (!thumbsUp) {
                    throw new Error("the message's menu offers no 👍");
                }
                thumbsUp.click();
            },
        },
        {
            content: "The reaction shows on the customer's message",
            trigger: `${QUESTION} .o_cusoft_whatsapp_reaction_outbound:contains(👍)`,
        },
        {
            content: "Meta delivered the answer: two ticks",
            trigger: `${ANSWER} .o_cusoft_whatsapp_tick:contains(✓✓)`,
            timeout: 20000,
        },
        {
            content: "The customer read it: the ticks turn blue, live",
            trigger: `${ANSWER} .o_cusoft_whatsapp_tick_read`,
            timeout: 20000,
        },
        {
            content: "The list shows the answer as the last message, read",
            trigger: ".o_cusoft_whatsapp_conversation:contains(Maria) .o_cusoft_whatsapp_tick_read",
        },
    ],
});

// Run by tests/test_inbox_ui.py on /odoo/whatsapp?conversation_id=<Maria's>: a reload or a shared
// link reopens the conversation, and the URL follows the conversation opened next.
registry.category("web_tour.tours").add("cusoft_whatsapp_inbox_url_tour", {
    steps: () => [
        {
            content: "The conversation named in the URL is open",
            trigger: QUESTION,
        },
        {
            content: "Open another conversation",
            trigger: ".o_cusoft_whatsapp_conversation:contains(Ana)",
            run: "click",
        },
        {
            content: "Its thread shows",
            trigger: ".o_cusoft_whatsapp_thread_pane:contains(Where is invoice 77?)",
        },
        {
            content: "The URL names it now",
            trigger: ".o_cusoft_whatsapp_conversation.o_cusoft_whatsapp_active:contains(Ana)",
            run() {
                const id = this.anchor.dataset.id;
                if (new URL(window.location.href).searchParams.get("conversation_id") !== id) {
                    throw new Error(`the URL does not name conversation ${id}: ${window.location.href}`);
                }
            },
        },
    ],
});

// Run by tests/test_inbox_ui.py as a WhatsApp user who is not notified for the number: a new
// customer's conversation still enters their open inbox, live.
registry.category("web_tour.tours").add("cusoft_whatsapp_inbox_live_tour", {
    steps: () => [
        {
            content: "The inbox is open on the existing conversation",
            trigger: ".o_cusoft_whatsapp_inbox .o_cusoft_whatsapp_conversation:contains(Maria)",
        },
        {
            content: "The new customer's conversation arrives at the top, unread, without a reload",
            trigger: ".o_cusoft_whatsapp_conversation.o_cusoft_whatsapp_unread:contains(Rui)",
            timeout: 20000,
            run() {
                const first = document.querySelector(".o_cusoft_whatsapp_conversation");
                if (first !== this.anchor) {
                    throw new Error(`the new conversation is not at the top: ${first?.textContent}`);
                }
            },
        },
    ],
});
