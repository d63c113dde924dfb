"""Meta's Graph / Cloud API error codes (contract §1.4): what each means and what to do about it.

Texts are written for the admin who reads them on the account card, in English and Spanish.
"""

from dataclasses import dataclass

RETRYABLE = "retryable"
REAUTHORIZE = "reauthorize"
NEEDS_TEMPLATE = "needs_template"
PERMANENT = "permanent"
CATEGORIES = (RETRYABLE, REAUTHORIZE, NEEDS_TEMPLATE, PERMANENT)

# Contract retry classes → what the addon does with them.
ACTION_CATEGORY = {
    "R": RETRYABLE,
    "R-pair": RETRYABLE,
    "A": REAUTHORIZE,
    "T": NEEDS_TEMPLATE,
    "F": PERMANENT,
    "S": PERMANENT,
    "U": PERMANENT,
}


@dataclass(frozen=True)
class ErrorInfo:
    action: str
    en: tuple  # (explanation, fix)
    es: tuple
    max_retries: int | None = None  # caps the client's own limit ("retry once, then give up")
    min_wait: float | None = None  # seconds before a retry can succeed, when Meta's header says nothing

    @property
    def category(self):
        return ACTION_CATEGORY[self.action]

    def texts(self, lang):
        return self.es if lang == "es" else self.en


def _info(action, en, en_fix, es, es_fix, **limits):
    return ErrorInfo(action, (en, en_fix), (es, es_fix), **limits)


_RECONNECT_EN = "Reconnect the WhatsApp account with Embedded Signup, or save a new system-user token on the number."
_RECONNECT_ES = "Vuelva a conectar la cuenta con el registro integrado de Meta o guarde un nuevo token de usuario del sistema en el número."
_PERMS_EN = (
    "Generate the token again granting whatsapp_business_management and whatsapp_business_messaging, "
    "or reconnect with Embedded Signup."
)
_PERMS_ES = (
    "Genere de nuevo el token concediendo whatsapp_business_management y whatsapp_business_messaging, "
    "o vuelva a conectar con el registro integrado."
)
_WAIT_EN = "Nothing to do: Odoo waits and retries automatically."
_WAIT_ES = "No hay que hacer nada: Odoo espera y reintenta automáticamente."

_PERMISSION_200 = _info(
    "A",
    "The token lacks a permission, or its system user has no access to this WhatsApp Business Account.",
    "In Meta Business Settings → System users, give the user access to the WhatsApp account, then generate the token again.",
    "Al token le falta un permiso, o su usuario del sistema no tiene acceso a esta cuenta de WhatsApp Business.",
    "En la configuración del negocio de Meta → Usuarios del sistema, dé acceso al usuario a la cuenta de WhatsApp y genere el token de nuevo.",
)

ERROR_TABLE = {
    0: _info(
        "A",
        "Meta could not authenticate the connection: the token expired, was invalidated, or the user changed their settings.",
        _RECONNECT_EN,
        "Meta no pudo autenticar la conexión: el token caducó, fue invalidado o el usuario cambió su configuración.",
        _RECONNECT_ES,
    ),
    190: _info(
        "A",
        "The access token has expired or is no longer valid. Sending is paused for this number.",
        _RECONNECT_EN,
        "El token de acceso caducó o ya no es válido. Los envíos de este número están en pausa.",
        _RECONNECT_ES,
    ),
    3: _info(
        "A",
        "The Meta app lacks the capability or permission this call needs.",
        "Run 'Test connection' to check the token's permissions; if they are fine, ask Meta to enable the capability for the app.",
        "A la aplicación de Meta le falta la capacidad o el permiso que requiere esta llamada.",
        "Use «Probar conexión» para revisar los permisos del token; si están bien, pida a Meta que habilite la capacidad para la aplicación.",
    ),
    10: _info(
        "A",
        "A permission this call needs was never granted or has been removed.",
        _PERMS_EN,
        "Un permiso que requiere esta llamada no se concedió o fue retirado.",
        _PERMS_ES,
    ),
    **{code: _PERMISSION_200 for code in range(200, 300)},
    4: _info(
        "R",
        "The Meta app made too many API calls and Meta is throttling it.",
        "Odoo waits and retries automatically; if it keeps happening, synchronise less often.",
        "La aplicación de Meta hizo demasiadas llamadas y Meta la está limitando.",
        "Odoo espera y reintenta automáticamente; si se repite, sincronice con menos frecuencia.",
    ),
    80007: _info(
        "R",
        "The WhatsApp Business Account reached its hourly limit of management calls.",
        "Wait the time Meta indicates (usually minutes), then try again; avoid repeated synchronisations.",
        "La cuenta de WhatsApp Business alcanzó su límite horario de llamadas de gestión.",
        "Espere el tiempo que indica Meta (normalmente minutos) y vuelva a intentarlo; evite sincronizar repetidamente.",
    ),
    130429: _info(
        "R",
        "Too many messages per second from this phone number (throughput limit).",
        _WAIT_EN,
        "Demasiados mensajes por segundo desde este número (límite de rendimiento).",
        _WAIT_ES,
    ),
    131056: _info(
        "R-pair",
        "Too many messages to the same recipient in a short time.",
        "Wait before writing to this contact again (Odoo backs off 1, 4, 16 s…); other contacts are not affected.",
        "Demasiados mensajes al mismo destinatario en poco tiempo.",
        "Espere antes de volver a escribir a este contacto (Odoo espera 1, 4, 16 s…); los demás contactos no se ven afectados.",
    ),
    131048: _info(
        "S",
        "Meta's spam limit rejected the message: the number's quality is low and Meta restricts it.",
        "Pause campaigns, check the quality rating in WhatsApp Manager and write only to contacts who opted in.",
        "El límite antispam de Meta rechazó el mensaje: la calidad del número es baja y Meta lo restringe.",
        "Pause las campañas, revise la calificación de calidad en el Administrador de WhatsApp y escriba solo a contactos que lo aceptaron.",
    ),
    133016: _info(
        "R",
        "Too many register/deregister attempts for this number.",
        "Wait several hours (Meta allows about 10 attempts in 72 hours) before registering again.",
        "Demasiados intentos de registrar o dar de baja este número.",
        "Espere varias horas (Meta permite unos 10 intentos cada 72 horas) antes de volver a registrarlo.",
        min_wait=3600,
    ),
    368: _info(
        "S",
        "The account is temporarily blocked for violating WhatsApp policies.",
        "Check Account Quality in WhatsApp Manager, fix the cause or request a review; stop sending until the block ends.",
        "La cuenta está bloqueada temporalmente por infringir las políticas de WhatsApp.",
        "Revise la calidad de la cuenta en el Administrador de WhatsApp, corrija la causa o pida una revisión; no envíe hasta que termine el bloqueo.",
    ),
    130497: _info(
        "S",
        "This business may not message users in the recipient's country.",
        "Do not send to this country; check WhatsApp's country restrictions for your business.",
        "Esta empresa no puede enviar mensajes a usuarios del país del destinatario.",
        "No envíe a ese país; revise las restricciones por país de WhatsApp para su empresa.",
    ),
    131031: _info(
        "S",
        "The WhatsApp account is locked (policy violation, or Meta could not verify its data, e.g. a wrong two-step PIN).",
        "Check WhatsApp Manager for the reason and request a review; for a PIN mismatch, register again with the right PIN.",
        "La cuenta de WhatsApp está bloqueada (infracción de políticas o datos no verificables, p. ej. un PIN de dos pasos incorrecto).",
        "Consulte el motivo en el Administrador de WhatsApp y pida una revisión; si el PIN no coincide, registre de nuevo con el PIN correcto.",
    ),
    1: _info(
        "R",
        "Meta reported an unknown or invalid request, or an internal error.",
        "Odoo retried once. If it persists, check Meta's details and status page.",
        "Meta informó una solicitud desconocida o no válida, o un error interno.",
        "Odoo reintentó una vez. Si persiste, revise los detalles de Meta y su página de estado.",
        max_retries=1,
    ),
    2: _info(
        "R",
        "Meta's service is temporarily down or overloaded.",
        _WAIT_EN,
        "El servicio de Meta está caído o sobrecargado temporalmente.",
        _WAIT_ES,
    ),
    33: _info(
        "F",
        "This phone number ID belongs to a number that was deleted.",
        "Synchronise the WhatsApp account's phone numbers and update this connection.",
        "Este ID de número de teléfono pertenece a un número eliminado.",
        "Sincronice los números de la cuenta de WhatsApp y actualice esta conexión.",
    ),
    100: _info(
        "F",
        "A parameter is invalid, unsupported or misspelled (when registering: the PIN does not match the number).",
        "Read Meta's details, correct the value and try again; repeating the same request will fail again.",
        "Un parámetro no es válido, no está admitido o está mal escrito (al registrar: el PIN no coincide con el número).",
        "Lea los detalles de Meta, corrija el valor y vuelva a intentarlo; repetir la misma solicitud volverá a fallar.",
    ),
    130472: _info(
        "U",
        "The recipient is part of a Meta experiment, so the marketing message was not sent.",
        "Nothing to fix; do not resend it now.",
        "El destinatario forma parte de un experimento de Meta, por eso no se envió el mensaje de marketing.",
        "No hay nada que corregir; no lo reenvíe ahora.",
    ),
    131000: _info(
        "R",
        "Something went wrong on Meta's side (unknown error).",
        "Odoo retried a few times. Try again later; if it persists, contact Meta support with the trace id.",
        "Algo falló del lado de Meta (error desconocido).",
        "Odoo reintentó varias veces. Vuelva a intentarlo más tarde; si persiste, contacte al soporte de Meta con el ID de rastreo.",
        max_retries=2,
    ),
    131005: _info(
        "A",
        "Access denied: the token is not allowed to do this.",
        _PERMS_EN,
        "Acceso denegado: el token no tiene permiso para esto.",
        _PERMS_ES,
    ),
    131008: _info(
        "F",
        "A required parameter is missing.",
        "Meta's details name the missing parameter; report it to your Odoo partner, the request must be fixed.",
        "Falta un parámetro obligatorio.",
        "Los detalles de Meta indican el parámetro que falta; informe a su partner de Odoo, hay que corregir la solicitud.",
    ),
    131009: _info(
        "F",
        "A parameter value is invalid (often the recipient's phone number).",
        "Check the phone number (international format with country code) and Meta's details.",
        "El valor de un parámetro no es válido (a menudo el número del destinatario).",
        "Revise el número (formato internacional con código de país) y los detalles de Meta.",
    ),
    131016: _info(
        "R",
        "The WhatsApp service is temporarily unavailable.",
        _WAIT_EN,
        "El servicio de WhatsApp no está disponible temporalmente.",
        _WAIT_ES,
    ),
    131021: _info(
        "F",
        "The recipient is this same business number.",
        "Send to a different number.",
        "El destinatario es el mismo número de la empresa.",
        "Envíe a otro número.",
    ),
    131026: _info(
        "U",
        "The message could not be delivered: the recipient may not use WhatsApp, has an old app, has not accepted "
        "the terms, blocked this business, or Meta held it back.",
        "Confirm the contact uses WhatsApp; do not resend repeatedly.",
        "No se pudo entregar el mensaje: puede que el destinatario no use WhatsApp, tenga una versión antigua, no haya "
        "aceptado las condiciones, haya bloqueado a la empresa o Meta lo haya retenido.",
        "Confirme que el contacto usa WhatsApp; no lo reenvíe una y otra vez.",
    ),
    131037: _info(
        "S",
        "The number needs an approved display name before it can send messages.",
        "Submit or correct the display name in WhatsApp Manager and wait for approval.",
        "El número necesita un nombre visible aprobado antes de poder enviar mensajes.",
        "Envíe o corrija el nombre visible en el Administrador de WhatsApp y espere la aprobación.",
    ),
    131042: _info(
        "S",
        "Billing problem on the WhatsApp account (no valid payment method, credit line problem or unpaid bills).",
        "Add or fix the payment method in WhatsApp Manager → Billing; every paid message fails until then.",
        "Problema de facturación en la cuenta de WhatsApp (sin método de pago válido, problema con la línea de crédito o facturas impagas).",
        "Añada o corrija el método de pago en el Administrador de WhatsApp → Facturación; hasta entonces fallará todo mensaje de pago.",
    ),
    131045: _info(
        "S",
        "The phone number's registration certificate is not valid.",
        "Register the number again with its two-step PIN.",
        "El certificado de registro del número no es válido.",
        "Registre el número de nuevo con su PIN de verificación en dos pasos.",
    ),
    131047: _info(
        "T",
        "More than 24 hours have passed since the customer last wrote, so only an approved template can be sent.",
        "Send an approved message template; free-form replies are possible again once the customer answers.",
        "Pasaron más de 24 horas desde el último mensaje del cliente, así que solo se puede enviar una plantilla aprobada.",
        "Envíe una plantilla de mensaje aprobada; podrá responder libremente cuando el cliente conteste.",
    ),
    131049: _info(
        "U",
        "Meta chose not to deliver this marketing message to protect the user experience (frequency limit).",
        "Do not resend it right away; try later or with a different message.",
        "Meta decidió no entregar este mensaje de marketing para proteger la experiencia del usuario (límite de frecuencia).",
        "No lo reenvíe enseguida; inténtelo más tarde o con otro mensaje.",
    ),
    131050: _info(
        "U",
        "The recipient opted out of marketing messages from this business.",
        "Stop sending marketing messages to this contact.",
        "El destinatario se dio de baja de los mensajes de marketing de esta empresa.",
        "Deje de enviar mensajes de marketing a este contacto.",
    ),
    131051: _info(
        "F",
        "This message type is not supported.",
        "Use a supported message type (text, media, template, interactive…).",
        "Este tipo de mensaje no es compatible.",
        "Use un tipo de mensaje compatible (texto, multimedia, plantilla, interactivo…).",
    ),
    131052: _info(
        "U",
        "A file the customer sent could not be downloaded (or it is larger than 100 MB).",
        "Ask the customer to send the file again.",
        "No se pudo descargar un archivo que envió el cliente (o supera los 100 MB).",
        "Pida al cliente que vuelva a enviar el archivo.",
    ),
    131053: _info(
        "F",
        "Meta could not upload or fetch the file we sent; usually its type does not match its content, or it is too large.",
        "Check the file's type and size; retry only if the site hosting the link was down.",
        "Meta no pudo subir u obtener el archivo enviado; normalmente su tipo no coincide con el contenido o es demasiado grande.",
        "Revise el tipo y el tamaño del archivo; reintente solo si el sitio que aloja el enlace estaba caído.",
    ),
    131057: _info(
        "R",
        "The number or account is in maintenance (for example a throughput upgrade) for about a minute.",
        "Wait about a minute; Odoo retries.",
        "El número o la cuenta está en mantenimiento (por ejemplo, una mejora de rendimiento) durante un minuto aprox.",
        "Espere un minuto aproximadamente; Odoo reintenta.",
        min_wait=60,
    ),
    131060: _info(
        "U",
        "The customer's message is not available (first message to a number also used in the WhatsApp Business app).",
        "Nothing to do; ask the customer to write again if needed.",
        "El mensaje del cliente no está disponible (primer mensaje a un número que también usa la app WhatsApp Business).",
        "No hay nada que hacer; si hace falta, pida al cliente que vuelva a escribir.",
    ),
    132000: _info(
        "F",
        "The number of template parameters does not match the template.",
        "Synchronise the templates and fill in every variable.",
        "La cantidad de parámetros no coincide con la plantilla.",
        "Sincronice las plantillas y complete todas las variables.",
    ),
    132001: _info(
        "F",
        "The template does not exist in that language or is not approved.",
        "Synchronise the templates and choose an approved template and language.",
        "La plantilla no existe en ese idioma o no está aprobada.",
        "Sincronice las plantillas y elija una plantilla e idioma aprobados.",
    ),
    132005: _info(
        "F",
        "The template text is too long once its variables are filled in.",
        "Shorten the variable values.",
        "El texto de la plantilla es demasiado largo una vez completadas las variables.",
        "Acorte los valores de las variables.",
    ),
    132007: _info(
        "F",
        "The template content violates WhatsApp policies.",
        "Edit the template so that it follows WhatsApp's policies.",
        "El contenido de la plantilla infringe las políticas de WhatsApp.",
        "Edite la plantilla para que cumpla las políticas de WhatsApp.",
    ),
    132012: _info(
        "F",
        "A parameter has the wrong format (for example the wrong media type for the header).",
        "Check the template's header type and the format of each parameter.",
        "Un parámetro tiene un formato incorrecto (por ejemplo, un tipo de archivo equivocado en el encabezado).",
        "Revise el tipo de encabezado de la plantilla y el formato de cada parámetro.",
    ),
    132015: _info(
        "S",
        "The template is paused because of low quality.",
        "Use another template; edit this one or wait until Meta reactivates it.",
        "La plantilla está en pausa por baja calidad.",
        "Use otra plantilla; edite esta o espere a que Meta la reactive.",
    ),
    132016: _info(
        "S",
        "The template was permanently disabled because of low quality.",
        "Create a new template.",
        "La plantilla se desactivó de forma permanente por baja calidad.",
        "Cree una plantilla nueva.",
    ),
    132068: _info(
        "F",
        "The WhatsApp Flow is blocked.",
        "Fix the Flow in WhatsApp Manager before sending it again.",
        "El flujo de WhatsApp está bloqueado.",
        "Corrija el flujo en el Administrador de WhatsApp antes de volver a enviarlo.",
    ),
    132069: _info(
        "F",
        "The WhatsApp Flow is throttled.",
        "Send this Flow less often and check its health in WhatsApp Manager.",
        "El flujo de WhatsApp está limitado.",
        "Envíe este flujo con menos frecuencia y revise su estado en el Administrador de WhatsApp.",
    ),
    133000: _info(
        "F",
        "A previous deregistration of the number did not finish.",
        "Deregister the number, then register it again.",
        "Una baja anterior del número no se completó.",
        "Dé de baja el número y luego regístrelo de nuevo.",
    ),
    133004: _info(
        "R",
        "The registration server is temporarily unavailable.",
        _WAIT_EN,
        "El servidor de registro no está disponible temporalmente.",
        _WAIT_ES,
    ),
    133005: _info(
        "F",
        "The two-step verification PIN does not match the number's PIN.",
        "Enter the number's current PIN, or reset it in WhatsApp Manager.",
        "El PIN de verificación en dos pasos no coincide con el del número.",
        "Introduzca el PIN actual del número o restablézcalo en el Administrador de WhatsApp.",
    ),
    133006: _info(
        "F",
        "The number must be verified again before it can be registered.",
        "Verify the number with an SMS or voice code, then register it.",
        "El número debe verificarse de nuevo antes de registrarlo.",
        "Verifique el número con un código por SMS o llamada y luego regístrelo.",
    ),
    133008: _info(
        "R",
        "Too many wrong two-step PIN attempts.",
        "Wait the time given in Meta's details, then try again with the right PIN.",
        "Demasiados intentos fallidos del PIN de verificación en dos pasos.",
        "Espere el tiempo indicado en los detalles de Meta y vuelva a intentarlo con el PIN correcto.",
        min_wait=600,
    ),
    133009: _info(
        "R",
        "Two-step PIN attempts were made too fast.",
        "Wait the time given in Meta's details, then try again.",
        "Los intentos del PIN de verificación en dos pasos fueron demasiado rápidos.",
        "Espere el tiempo indicado en los detalles de Meta y vuelva a intentarlo.",
        min_wait=600,
    ),
    133010: _info(
        "F",
        "The number is not registered on the WhatsApp Cloud API.",
        "Register the number (this needs its two-step PIN).",
        "El número no está registrado en la API de la nube de WhatsApp.",
        "Registre el número (necesita su PIN de verificación en dos pasos).",
    ),
    133015: _info(
        "R",
        "The number was deleted recently; Meta asks to wait about 5 minutes before registering it.",
        "Wait 5 minutes, then register again.",
        "El número se eliminó hace poco; Meta pide esperar unos 5 minutos antes de registrarlo.",
        "Espere 5 minutos y vuelva a registrarlo.",
        min_wait=300,
    ),
    135000: _info(
        "F",
        "Meta rejected the request's parameters (generic error).",
        "Read Meta's details and correct the request.",
        "Meta rechazó los parámetros de la solicitud (error genérico).",
        "Lea los detalles de Meta y corrija la solicitud.",
    ),
    136024: _info(
        "F",
        "The number is already verified, so no verification code is needed.",
        "Nothing to fix: continue with the registration.",
        "El número ya está verificado, no hace falta un código de verificación.",
        "No hay nada que corregir: continúe con el registro.",
    ),
    137000: _info(
        "U",
        "The recipient's identity key changed (identity check is on), so the message was not delivered.",
        "Confirm the recipient's identity by another channel before writing again.",
        "La clave de identidad del destinatario cambió (la verificación de identidad está activa), por eso no se entregó.",
        "Confirme la identidad del destinatario por otro canal antes de volver a escribir.",
    ),
}

# Graph token subcodes refine 190's explanation; the fix stays "reconnect".
SUBCODE_EXPLANATIONS = {
    (190, 458): (
        "The Meta app was removed from this business, so its token no longer works.",
        "La aplicación de Meta fue retirada de esta empresa, así que su token ya no funciona.",
    ),
    (190, 459): (
        "The Facebook user behind the token must pass a security checkpoint before the token works again.",
        "El usuario de Facebook del token debe superar un control de seguridad antes de que el token vuelva a funcionar.",
    ),
    (190, 460): (
        "The token was invalidated because the Facebook user changed their password.",
        "El token se invalidó porque el usuario de Facebook cambió su contraseña.",
    ),
    (190, 463): (
        "The access token expired. Sending is paused for this number.",
        "El token de acceso caducó. Los envíos de este número están en pausa.",
    ),
    (190, 464): (
        "The Facebook user behind the token must confirm their account before the token works again.",
        "El usuario de Facebook del token debe confirmar su cuenta antes de que el token vuelva a funcionar.",
    ),
    (190, 467): (
        "The access token is invalid (revoked or malformed).",
        "El token de acceso no es válido (revocado o mal formado).",
    ),
}

UNKNOWN_TEXTS = {
    "en": (
        "Meta returned error {code}: {message}",
        "Check Meta's message and details; if the problem persists, contact support with the trace id.",
    ),
    "es": (
        "Meta devolvió el error {code}: {message}",
        "Revise el mensaje y los detalles de Meta; si el problema persiste, contacte al soporte con el ID de rastreo.",
    ),
}


def as_int(value):
    """Meta's numeric fields sometimes arrive as strings; anything else unusable becomes None."""
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def lookup(code):
    """The table entry for `code`, or None."""
    code = as_int(code)
    return None if code is None else ERROR_TABLE.get(code)


def normalize_lang(lang):
    return "es" if str(lang or "").lower().startswith("es") else "en"


def explain(code, lang="en", *, subcode=None, message=None):
    """(explanation, fix) for a Meta error code in `lang` ('en' or 'es'; 'es_AR' counts as 'es')."""
    lang = normalize_lang(lang)
    info = lookup(code)
    if info is None:
        explanation, fix = UNKNOWN_TEXTS[lang]
        unknown = "?" if code is None else code
        default = "(sin mensaje)" if lang == "es" else "(no message)"
        return explanation.format(code=unknown, message=message or default), fix
    explanation, fix = info.texts(lang)
    refined = SUBCODE_EXPLANATIONS.get((int(code), as_int(subcode)))
    if refined:
        explanation = refined[1] if lang == "es" else refined[0]
    return explanation, fix
