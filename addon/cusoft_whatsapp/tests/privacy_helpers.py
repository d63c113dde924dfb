import hashlib

from .webhook_helpers import CUSTOMER, signed, text_delivery

ROUTE = "/whatsapp/webhook"


class DeliveryMixin:
    """Posts signed deliveries to the real route and runs the processing, as Meta and the cron do."""

    def post(self, body):
        raw, headers = signed(body)
        response = self.opener.post(self.base_url() + ROUTE, data=raw, headers=headers, timeout=30)
        self.assertEqual(response.status_code, 200)

    def receive(self, *bodies):
        for body in bodies:
            self.post(body)
        self.process_webhooks()

    def image_delivery(self, wamid, content, wa_id=CUSTOMER, bsuid=None, media_id="1200000000000777"):
        body = text_delivery(wamid, wa_id=wa_id, bsuid=bsuid)
        message = body["entry"][0]["changes"][0]["value"]["messages"][0]
        del message["text"]
        message.update(type="image", image={
            "id": media_id, "mime_type": "image/jpeg", "sha256": hashlib.sha256(content).hexdigest(),
        })
        self.graph.graph.add_media(media_id, content)
        return body

    def download_media(self):
        self.env["cusoft.whatsapp.message"].sudo()._cron_download_media()
        self.env.invalidate_all()

