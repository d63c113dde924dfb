import { Component, useState } from "@odoo/owl";
import type { ServiceWindow } from "../../domain/service_window";

/**
 * The 24-hour window's live countdown. A component of its own so that the every-second tick
 * re-renders this badge only, not the thread.
 */
export class WindowCountdown extends Component<{ serviceWindow: ServiceWindow }> {
    static template = "cusoft_whatsapp.WindowCountdown";
    static props = { serviceWindow: Object };

    win!: ServiceWindow;

    setup(): void {
        this.win = useState(this.props.serviceWindow);
    }
}
