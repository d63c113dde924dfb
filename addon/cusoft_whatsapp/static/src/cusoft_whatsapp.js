/** @odoo-module */

// static_src/odoo/home_action.ts
import { Component as Component3 } from "@odoo/owl";
import { registry as registry2 } from "@web/core/registry";
import { user } from "@web/core/user";

// static_src/components/home/home.ts
import { Component as Component2, onWillStart as onWillStart2, useState as useState2 } from "@odoo/owl";

// static_src/shims/luxon.ts
var lib = globalThis.luxon;
var DateTime = lib.DateTime;
var Duration = lib.Duration;
var Interval = lib.Interval;
var Settings = lib.Settings;

// static_src/i18n/translate.ts
var translator = (source) => source;
function setTranslator(next) {
  translator = next;
}
function _t(source, ...values) {
  let index = 0;
  return translator(source).replace(/%s/g, () => String(values[index++] ?? ""));
}

// static_src/api/api_error.ts
var ApiError = class _ApiError extends Error {
  constructor(message, route, cause) {
    super(message);
    this.route = route;
    this.cause = cause;
    this.name = "ApiError";
  }
  static unexpectedAnswer(route, cause) {
    return new _ApiError(
      _t("The server sent an answer this page does not understand. Reload the page; if it persists, update the WhatsApp module."),
      route,
      cause
    );
  }
  static unreachable(route, cause) {
    const serverMessage = serverErrorMessage(cause);
    return new _ApiError(
      serverMessage ?? _t("The server could not be reached. Check your connection and try again."),
      route,
      cause
    );
  }
};
function serverErrorMessage(cause) {
  if (typeof cause !== "object" || cause === null || !("data" in cause)) {
    return void 0;
  }
  const data = cause.data;
  if (typeof data === "object" && data !== null && "message" in data) {
    const message = data.message;
    return typeof message === "string" && message ? message : void 0;
  }
  return void 0;
}

// static_src/domain/account_state.ts
var ACCOUNT_STATES = ["draft", "connected", "error", "disconnected"];
function accountStateBadge(state) {
  switch (state) {
    case "connected":
      return { label: _t("Connected"), tone: "success" };
    case "draft":
      return { label: _t("Not connected yet"), tone: "muted" };
    case "error":
      return { label: _t("Needs attention"), tone: "danger" };
    case "disconnected":
      return { label: _t("Disconnected"), tone: "warning" };
  }
}

// static_src/domain/relative_time.ts
function relativeTime(at, now) {
  if (!at) {
    return _t("never");
  }
  return at.toRelative({ base: now }) ?? at.toLocaleString();
}

// static_src/components/setup_checklist/setup_checklist.ts
import { Component, onWillStart, useState } from "@odoo/owl";
var SetupChecklist = class extends Component {
  static {
    this.template = "cusoft_whatsapp.SetupChecklist";
  }
  static {
    this.props = {
      api: Object,
      copy: Function
    };
  }
  setup() {
    this.state = useState({ status: "loading", checklist: null, error: "", copyFeedback: null });
    onWillStart(() => this.load());
  }
  async load() {
    this.state.status = "loading";
    this.state.copyFeedback = null;
    try {
      this.state.checklist = await this.props.api.setupChecklist();
      this.state.status = "ready";
    } catch (error) {
      this.state.error = error instanceof ApiError ? error.message : _t("Something went wrong while checking the WhatsApp setup.");
      this.state.status = "error";
    }
  }
  get visible() {
    return this.state.status !== "ready" || this.state.checklist?.status !== "complete";
  }
  get regressed() {
    return this.state.checklist?.status === "regressed";
  }
  /** The steps shown: all of them while setting up, only the undone ones in a warning. */
  get steps() {
    const steps = this.state.checklist?.steps ?? [];
    return this.regressed ? steps.filter((step) => !step.done) : steps;
  }
  /** The first step not done: the one to do now. */
  get current() {
    return this.state.checklist?.steps.find((step) => !step.done);
  }
  get progress() {
    const steps = this.state.checklist?.steps ?? [];
    return _t("%s of %s steps done.", steps.filter((step) => step.done).length, steps.length);
  }
  async copy(step, index, value) {
    const target = `${step.key}:${index}`;
    try {
      await this.props.copy(value.value);
      this.state.copyFeedback = { target, ok: true };
    } catch {
      this.state.copyFeedback = { target, ok: false };
    }
  }
  copyFeedback(step, index) {
    const feedback = this.state.copyFeedback;
    if (!feedback || feedback.target !== `${step.key}:${index}`) {
      return "";
    }
    return feedback.ok ? _t("Copied") : _t("Could not copy: select the text and copy it yourself.");
  }
  copyFailed(step, index) {
    return this.state.copyFeedback?.target === `${step.key}:${index}` && !this.state.copyFeedback.ok;
  }
  copyLabel(value) {
    return _t("Copy %s", value.label);
  }
  domId(step, index) {
    return `o_cusoft_whatsapp_setup_${step.key}_${index}`;
  }
};

// static_src/components/home/home.ts
var WhatsAppHome = class extends Component2 {
  static {
    this.template = "cusoft_whatsapp.WhatsAppHome";
  }
  static {
    this.components = { SetupChecklist };
  }
  static {
    this.props = {
      api: Object,
      openSettings: Function,
      openAccount: { type: Function, optional: true },
      openDeliveries: { type: Function, optional: true },
      showTitle: { type: Boolean, optional: true },
      copy: { type: Function, optional: true }
    };
  }
  static {
    this.defaultProps = { showTitle: true };
  }
  setup() {
    this.state = useState2({ status: "loading", overview: null, error: "" });
    onWillStart2(() => this.load());
  }
  async load() {
    this.state.status = "loading";
    try {
      this.state.overview = await this.props.api.overview();
      this.state.status = "ready";
    } catch (error) {
      this.state.error = error instanceof ApiError ? error.message : _t("Something went wrong while loading WhatsApp.");
      this.state.status = "error";
    }
  }
  badge(account) {
    return accountStateBadge(account.state);
  }
  lastWebhook(account) {
    return relativeTime(account.last_webhook_at, DateTime.now());
  }
};

// static_src/odoo/navigation.ts
import { useService } from "@web/core/utils/hooks";
function useWhatsAppNavigation() {
  const action = useService("action");
  return {
    openAccount(accountId) {
      void action.doAction({
        type: "ir.actions.act_window",
        res_model: "cusoft.whatsapp.account",
        res_id: accountId,
        views: [[false, "form"]]
      });
    },
    openXmlAction(xmlId) {
      void action.doAction(xmlId);
    }
  };
}

// static_src/odoo/rpc.ts
import { rpc } from "@web/core/network/rpc";

// node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter;
    this._value = void 0;
  }
  get value() {
    const getter = this._getter;
    if (getter !== void 0) {
      this._value = getter();
      this._getter = void 0;
    }
    return this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a2;
    (_a2 = iss).path ?? (_a2.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a2;
  for (let i = start; i < issues.length; i++) {
    (_a2 = issues[i]).schema ?? (_a2.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a2;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a2 = iss).schema ?? (_a2.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
  const units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count2 = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count2--;
      i++;
    }
  }
  return count2;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}

// node_modules/zod/v4/core/core.js
var _a;
var NEVER = /* @__PURE__ */ Object.freeze({
  status: "aborted"
});
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer2(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
var $ZodEncodeError = class extends Error {
  constructor(name) {
    super(`Encountered unidirectional transform during encode: ${name}`);
    this.name = "ZodEncodeError";
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value = () => this.message;
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
      }
    });
  }
};
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});

// node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, _params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => {
  const fn = async (schema, value, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error;
  return {
    success: false,
    get error() {
      if (!error) {
        error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error;
    },
    set error(e) {
      error = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// node_modules/zod/v4/core/regexes.js
var anyString = /^[\s\S]{0,}$/;
var number = /^-?\d+(?:\.\d+)?$/;
var boolean = /^(?:true|false)$/i;

// node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a2;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a2 = inst._zod).onattach ?? (_a2.onattach = []);
});
var _whenHasLength = (payload) => {
  const val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
  var _a2;
  $ZodCheck.init(inst, def);
  (_a2 = inst._zod.def).when ?? (_a2.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
    if (length >= def.minimum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_small",
      minimum: def.minimum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});

// node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a2;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a2 = inst._zod).deferred ?? (_a2.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = def.pattern ?? anyString;
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {
      }
    if (typeof payload.value === "string")
      return payload;
    payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = number;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
      return payload;
    }
    const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
    payload.issues.push({
      expected: "number",
      code: "invalid_type",
      input,
      inst,
      ...received ? { received } : {}
    });
    return payload;
  };
});
var $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = boolean;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Boolean(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "boolean")
      return payload;
    payload.issues.push({
      expected: "boolean",
      code: "invalid_type",
      input,
      inst
    });
    return payload;
  };
});
var $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
var $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.issues.push({
      expected: "never",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse2 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n = size(payload.value);
    if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n > max && ch._zod.def.when(payload)) {
          const start = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start].continue = false;
          attachSchema(payload.issues, start, inst);
          return payload;
        }
      }
    }
    return parse2(payload, ctx);
  };
}
var arraySize = (input) => Array.isArray(input) ? input.length : -1;
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
var $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!Array.isArray(input)) {
      payload.issues.push({
        expected: "array",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
    const proms = [];
    const abortEarly = ctx?.abortEarly;
    for (let i = 0; i < input.length; i++) {
      const item = input[i];
      const result = def.element._zod.run({
        value: item,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
      } else {
        handleArrayResult(result, payload, i);
        if (abortEarly && result.issues.length !== 0 && aborted(result))
          break;
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
  capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  const sh = desc?.get ? desc.get.raw : def.shape ?? {};
  if (sh) {
    const get = () => {
      const newSh = { ...sh };
      Object.defineProperty(def, "shape", { value: newSh });
      get.raw = newSh;
      return newSh;
    };
    get.raw = sh;
    Object.defineProperty(def, "shape", { get });
  }
  const _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    const shape = zod.def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
          assignProp(propValues, key, /* @__PURE__ */ new Set());
        }
        for (const v of field.values)
          propValues[key].add(v);
        if (field.optin !== void 0)
          propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  const isObject2 = isObject;
  const catchall = def.catchall;
  let value;
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input = payload.value;
    if (!isObject2(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
    const proms = [];
    const shape = value.shape;
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const key of value.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      const el = shape[key];
      const optin = el._zod.optin;
      const optout = el._zod.optout;
      const r = el._zod.run({ value: input[key], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
      } else {
        handlePropertyResult(r, payload, key, input, optin, optout);
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
  };
});
function handleUnionResults(results, final, inst, ctx) {
  for (const result of results) {
    if (result.issues.length === 0) {
      final.value = result.value;
      return final;
    }
  }
  const nonaborted = results.filter((r) => !aborted(r));
  if (nonaborted.length === 1) {
    final.value = nonaborted[0].value;
    return nonaborted[0];
  }
  final.issues.push({
    code: "invalid_union",
    input: final.value,
    inst,
    errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
  });
  return final;
}
var $ZodUnion = /* @__PURE__ */ $constructor("$ZodUnion", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
  defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
  defineLazyInternal(inst, "values", (zod) => {
    if (zod.def.options.every((o) => o._zod.values)) {
      return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
    }
    return void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    if (zod.def.options.every((o) => o._zod.pattern)) {
      const patterns = zod.def.options.map((o) => o._zod.pattern);
      return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
    }
    return void 0;
  });
  const first = def.options.length === 1 ? def.options[0]._zod.run : null;
  inst._zod.parse = (payload, ctx) => {
    if (first) {
      return first(payload, ctx);
    }
    let async = false;
    const results = [];
    for (const option of def.options) {
      const result = option._zod.run({
        value: payload.value,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        results.push(result);
        async = true;
      } else {
        if (result.issues.length === 0)
          return result;
        results.push(result);
      }
    }
    if (!async)
      return handleUnionResults(results, payload, inst, ctx);
    return Promise.all(results).then((results2) => {
      return handleUnionResults(results2, payload, inst, ctx);
    });
  };
});
var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!isPlainObject(input)) {
      payload.issues.push({
        expected: "record",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    const proms = [];
    const values = def.keyType._zod.values;
    if (values && !def.partial) {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      const recordKeys = /* @__PURE__ */ new Set();
      for (const key of values) {
        if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
          recordKeys.add(typeof key === "number" ? key.toString() : key);
          if (key === "__proto__")
            continue;
          const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
          if (keyResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (keyResult.issues.length) {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
            continue;
          }
          const outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[outKey] = result2.value;
            }));
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[outKey] = result.value;
          }
        }
      }
      let unrecognized;
      for (const key in input) {
        if (!recordKeys.has(key)) {
          if (def.mode === "loose") {
            if (key === "__proto__")
              continue;
            payload.value[key] = input[key];
          } else {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          }
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    } else {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      let unrecognized;
      for (const key of Reflect.ownKeys(input)) {
        if (key === "__proto__")
          continue;
        if (!Object.prototype.propertyIsEnumerable.call(input, key))
          continue;
        let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise) {
          throw new Error("Async schemas not supported in object keys currently");
        }
        const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
        if (checkNumericKey) {
          const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
          if (retryResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (retryResult.issues.length === 0) {
            keyResult = retryResult;
          }
        }
        if (keyResult.issues.length) {
          if (def.mode === "loose") {
            payload.value[key] = input[key];
          } else if (values) {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          } else {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
          }
          continue;
        }
        const outKey = keyResult.value;
        if (outKey === "__proto__")
          continue;
        const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((result2) => {
            if (result2.issues.length) {
              payload.issues.push(...prefixIssues(key, result2.issues));
            }
            payload.value[outKey] = result2.value;
          }));
        } else {
          if (result.issues.length) {
            payload.issues.push(...prefixIssues(key, result.issues));
          }
          payload.value[outKey] = result.value;
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (valuesSet.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input,
      inst
    });
    return payload;
  };
});
var $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
  $ZodType.init(inst, def);
  const values = new Set(def.values);
  inst._zod.values = values;
  defineLazyInternal(inst, "pattern", (zod) => {
    const vals = zod.def.values;
    return new RegExp(vals.length ? `^(${vals.map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (values.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values: def.values,
      input,
      inst
    });
    return payload;
  };
});
var $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "optional";
  globalConfig.memoizer?.guard(inst);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      throw new $ZodEncodeError(inst.constructor.name);
    }
    const _out = def.transform(payload.value, payload);
    if (ctx.async) {
      const output = _out instanceof Promise ? _out : Promise.resolve(_out);
      return output.then((output2) => {
        payload.value = output2;
        return payload;
      });
    }
    if (_out instanceof Promise) {
      throw new $ZodAsyncError();
    }
    payload.value = _out;
    return payload;
  };
});
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  inst._zod.optout = "optional";
  defineLazyInternal(inst, "values", (zod) => {
    const values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      if (result instanceof Promise)
        return result.then((result2) => handleOptionalResult(payload, result2));
      return handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodNullable = /* @__PURE__ */ $constructor("$ZodNullable", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
  });
  defineLazyInternal(inst, "values", (zod) => {
    return zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === null)
      return payload;
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
  defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
  defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      const right = def.out._zod.run(payload, ctx);
      if (right instanceof Promise) {
        return right.then((right2) => handlePipeResult(right2, def.in, ctx));
      }
      return handlePipeResult(right, def.in, ctx);
    }
    const left = def.in._zod.run(payload, ctx);
    if (left instanceof Promise) {
      return left.then((left2) => handlePipeResult(left2, def.out, ctx));
    }
    return handlePipeResult(left, def.out, ctx);
  };
});
function handlePipeResult(left, next, ctx) {
  if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
    left.aborted = true;
    return left;
  }
  return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
  return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
  return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
  return new Class({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
  return new Class({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
  return new Class({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}

// node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
  $ZodString.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string2(params) {
  return _string(ZodMiniString, params);
}
var ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
  $ZodNumber.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function number2(params) {
  return _number(ZodMiniNumber, params);
}
var ZodMiniBoolean = /* @__PURE__ */ $constructor("ZodMiniBoolean", (inst, def) => {
  $ZodBoolean.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function boolean2(params) {
  return _boolean(ZodMiniBoolean, params);
}
var ZodMiniUnknown = /* @__PURE__ */ $constructor("ZodMiniUnknown", (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _unknown(ZodMiniUnknown);
}
var ZodMiniNever = /* @__PURE__ */ $constructor("ZodMiniNever", (inst, def) => {
  $ZodNever.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function never(params) {
  return _never(ZodMiniNever, params);
}
var ZodMiniArray = /* @__PURE__ */ $constructor("ZodMiniArray", (inst, def) => {
  $ZodArray.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
  return new ZodMiniArray({
    type: "array",
    element,
    ...normalizeParams(params)
  });
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...normalizeParams(params)
  };
  return new ZodMiniObject(def);
}
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ never(),
    ...normalizeParams(params)
  });
}
var ZodMiniUnion = /* @__PURE__ */ $constructor("ZodMiniUnion", (inst, def) => {
  $ZodUnion.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function union(options, params) {
  return new ZodMiniUnion({
    type: "union",
    options,
    ...normalizeParams(params)
  });
}
var ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
  $ZodRecord.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodMiniRecord({
      type: "record",
      keyType: /* @__PURE__ */ string2(),
      valueType: keyType,
      ...normalizeParams(valueType)
    });
  }
  return new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
var ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodMiniType.init(inst, def);
  inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
var ZodMiniLiteral = /* @__PURE__ */ $constructor("ZodMiniLiteral", (inst, def) => {
  $ZodLiteral.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
  return new ZodMiniLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...normalizeParams(params)
  });
}
var ZodMiniTransform = /* @__PURE__ */ $constructor("ZodMiniTransform", (inst, def) => {
  $ZodTransform.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function transform(fn) {
  return new ZodMiniTransform({
    type: "transform",
    transform: fn
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
var ZodMiniNullable = /* @__PURE__ */ $constructor("ZodMiniNullable", (inst, def) => {
  $ZodNullable.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
  return new ZodMiniNullable({
    type: "nullable",
    innerType
  });
}
var ZodMiniPipe = /* @__PURE__ */ $constructor("ZodMiniPipe", (inst, def) => {
  $ZodPipe.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function pipe(in_, out) {
  return new ZodMiniPipe({
    type: "pipe",
    in: in_,
    out
  });
}

// static_src/domain/quality.ts
var QUALITY_RATINGS = ["GREEN", "YELLOW", "RED", "UNKNOWN"];
function qualityBadge(rating) {
  switch (rating) {
    case "GREEN":
      return { label: _t("High"), tone: "success" };
    case "YELLOW":
      return { label: _t("Medium"), tone: "warning" };
    case "RED":
      return { label: _t("Low"), tone: "danger" };
    case "UNKNOWN":
    case null:
      return { label: _t("Not rated yet"), tone: "muted" };
  }
}
var TIER = /^TIER_(\d+)(K|M)?$/;
var MULTIPLIER = { K: 1e3, M: 1e6 };
function messagingLimitBadge(limit) {
  if (limit === null) {
    return { label: _t("Not known yet"), tone: "muted" };
  }
  if (limit === "TIER_UNLIMITED") {
    return { label: _t("Unlimited customers / 24 h"), tone: "success" };
  }
  const match = TIER.exec(limit);
  if (!match) {
    return { label: limit, tone: "muted" };
  }
  const unit = match[2];
  const customers = Number(match[1]) * (unit ? MULTIPLIER[unit] : 1);
  const label = _t("%s customers / 24 h", formatCount(customers));
  return { label, tone: customers < 1e3 ? "warning" : "success" };
}
function nameStatusBadge(status2) {
  switch (status2) {
    case "APPROVED":
      return { label: _t("Approved"), tone: "success" };
    case "AVAILABLE_WITHOUT_REVIEW":
      return { label: _t("Usable, review not needed"), tone: "success" };
    case "PENDING_REVIEW":
      return { label: _t("Waiting for Meta's review"), tone: "warning" };
    case "DECLINED":
      return { label: _t("Declined by Meta"), tone: "danger" };
    case "EXPIRED":
      return { label: _t("Expired"), tone: "danger" };
    case "NONE":
      return { label: _t("Not submitted"), tone: "muted" };
    case null:
      return { label: _t("Not known yet"), tone: "muted" };
    default:
      return { label: status2, tone: "muted" };
  }
}
function formatCount(count2) {
  return count2.toLocaleString(DateTime.local().resolvedLocaleOptions().locale);
}

// static_src/api/schemas/datetime.ts
var serverDateTime = pipe(
  string2(),
  transform((value, ctx) => {
    const parsed = value.includes("T") ? DateTime.fromISO(value, { zone: "utc" }) : DateTime.fromSQL(value, { zone: "utc" });
    if (!parsed.isValid) {
      ctx.issues.push({ code: "custom", message: `not a datetime: ${value}`, input: value });
      return NEVER;
    }
    return parsed.setZone("default");
  })
);

// static_src/api/schemas/overview.ts
var accountStateSchema = _enum(ACCOUNT_STATES);
var accountSummarySchema = strictObject({
  id: number2(),
  name: string2(),
  display_phone_number: nullable(string2()),
  state: accountStateSchema,
  last_webhook_at: nullable(serverDateTime)
});
var overviewSchema = strictObject({
  can_manage: boolean2(),
  /** Webhook deliveries waiting for a person (always 0 for those who cannot see them). */
  deliveries_to_review: number2(),
  accounts: array(accountSummarySchema)
});

// static_src/api/schemas/account.ts
var accountErrorSchema = strictObject({
  code: nullable(number2()),
  title: string2(),
  explanation: string2(),
  fix: string2(),
  category: _enum(["retryable", "reauthorize", "needs_template", "permanent"])
});
var accountCardSchema = strictObject({
  id: number2(),
  name: string2(),
  state: accountStateSchema,
  company_name: string2(),
  display_phone_number: nullable(string2()),
  verified_name: nullable(string2()),
  quality_rating: nullable(_enum(QUALITY_RATINGS)),
  name_status: nullable(string2()),
  messaging_limit: nullable(string2()),
  token_set: boolean2(),
  token_expires_at: nullable(serverDateTime),
  webhook_url: string2(),
  verify_token: nullable(string2()),
  webhook_fields: array(string2()),
  last_webhook_at: nullable(serverDateTime),
  last_checked_at: nullable(serverDateTime),
  last_error: nullable(accountErrorSchema),
  can_manage: boolean2()
});
var accountActionResultSchema = strictObject({
  card: accountCardSchema,
  message: string2()
});

// static_src/api/schemas/chat.ts
var messageStateSchema = _enum(["queued", "sent", "delivered", "read", "failed", "received"]);
var directionSchema = _enum(["inbound", "outbound"]);
var userRefSchema = strictObject({ id: number2(), name: string2() });
var conversationSchema = strictObject({
  id: number2(),
  account_id: number2(),
  name: string2(),
  phone: nullable(string2()),
  username: nullable(string2()),
  partner_id: nullable(number2()),
  avatar_url: nullable(string2()),
  last_message: nullable(
    strictObject({
      id: number2(),
      direction: directionSchema,
      type: string2(),
      preview: string2(),
      state: messageStateSchema,
      timestamp: nullable(serverDateTime)
    })
  ),
  last_message_at: nullable(serverDateTime),
  unread_count: number2(),
  assignee: nullable(userRefSchema),
  window_expires_at: nullable(serverDateTime)
});
var sendErrorSchema = strictObject({
  kind: _enum(["meta", "uncertain", "gave_up", "no_token", "internal"]),
  code: nullable(number2()),
  title: nullable(string2()),
  explanation: string2(),
  fix: string2(),
  details: nullable(string2()),
  uncertain: boolean2()
});
var messageSchema = strictObject({
  id: number2(),
  conversation_id: number2(),
  direction: directionSchema,
  type: string2(),
  body: string2(),
  timestamp: nullable(serverDateTime),
  state: messageStateSchema,
  client_id: nullable(string2()),
  author: nullable(userRefSchema),
  reply_to: nullable(
    strictObject({ id: number2(), direction: directionSchema, type: string2(), body: string2() })
  ),
  media: nullable(
    strictObject({
      state: _enum(["none", "pending", "done", "error"]),
      mime_type: nullable(string2()),
      filename: nullable(string2()),
      voice: boolean2(),
      caption: nullable(string2()),
      url: nullable(string2()),
      error: nullable(string2())
    })
  ),
  reactions: array(strictObject({ emoji: string2(), direction: directionSchema })),
  error: nullable(sendErrorSchema),
  retry_at: nullable(serverDateTime)
});
var conversationPageSchema = strictObject({
  conversations: array(conversationSchema),
  next_cursor: nullable(string2())
});
var messagePageSchema = strictObject({
  conversation_id: number2(),
  messages: array(messageSchema),
  has_older: nullable(boolean2()),
  has_newer: nullable(boolean2()),
  last_read_message_id: number2()
});
var readStateSchema = strictObject({
  conversation_id: number2(),
  last_read_message_id: number2(),
  unread_count: number2()
});
var sentSchema = strictObject({ message: messageSchema });
var assignedSchema = strictObject({ conversation: conversationSchema });
var contactCreatedSchema = strictObject({ conversation: conversationSchema });
var colleaguesSchema = strictObject({ users: array(userRefSchema) });
var countersSchema = strictObject({ attention: number2() });
var typingSchema = strictObject({ sent: boolean2() });

// static_src/api/schemas/chat_templates.ts
var templateVariableSchema = strictObject({
  key: string2(),
  name: string2(),
  example: nullable(string2())
});
var templateHeaderFormatSchema = _enum(["text", "image", "video", "document", "location", "other"]);
var templateButtonTypeSchema = _enum([
  "quick_reply",
  "url",
  "phone",
  "copy_code",
  "flow",
  "otp",
  "voice_call",
  "other"
]);
var templateSchema = strictObject({
  id: number2(),
  name: string2(),
  language: string2(),
  category: nullable(_enum(["MARKETING", "UTILITY", "AUTHENTICATION"])),
  quality: nullable(_enum(["GREEN", "YELLOW", "RED", "UNKNOWN"])),
  parameter_format: _enum(["named", "positional"]),
  header: nullable(
    strictObject({
      format: templateHeaderFormatSchema,
      text: nullable(string2()),
      variables: array(templateVariableSchema)
    })
  ),
  body: strictObject({ text: string2(), variables: array(templateVariableSchema) }),
  footer: nullable(string2()),
  buttons: array(
    strictObject({
      index: number2(),
      type: templateButtonTypeSchema,
      text: string2(),
      url: nullable(string2()),
      phone: nullable(string2()),
      variables: array(templateVariableSchema)
    })
  )
});
var templateListSchema = strictObject({
  conversation_id: number2(),
  window_open: boolean2(),
  /** Values for variables that mean the customer's name, by variable name. */
  prefill: record(string2(), string2()),
  templates: array(templateSchema)
});

// static_src/api/schemas/crm.ts
var leadCreatedSchema = strictObject({ lead_id: number2(), name: string2() });

// static_src/api/schemas/ok.ts
var okSchema = strictObject({ ok: literal(true) });

// static_src/api/schemas/upload.ts
var uploadedSchema = strictObject({
  id: number2(),
  name: string2(),
  mime_type: string2(),
  size: number2(),
  kind: _enum(["image", "video", "audio", "document", "sticker"])
});
var uploadRefusedSchema = strictObject({ error: string2() });
var uploadAnswerSchema = union([uploadedSchema, uploadRefusedSchema]);

// static_src/api/schemas/setup.ts
var SETUP_STEP_KEYS = [
  "app",
  "signup_config",
  "public_url",
  "number",
  "subscribed",
  "webhook_verified",
  "first_event",
  "first_message"
];
var setupValueSchema = strictObject({
  /** What the value is, e.g. "Callback URL". */
  label: string2(),
  /** The text to paste where the step's detail says. */
  value: string2()
});
var setupStepSchema = strictObject({
  key: _enum(SETUP_STEP_KEYS),
  title: string2(),
  done: boolean2(),
  /** What was found when done; otherwise exactly what to do, in the user's language. */
  detail: string2(),
  values: array(setupValueSchema)
});
var setupChecklistSchema = strictObject({
  /** `regressed`: every step was done once and one is not any more. */
  status: _enum(["in_progress", "complete", "regressed"]),
  steps: array(setupStepSchema)
});

// static_src/api/schemas/signup.ts
var signupStartSchema = strictObject({
  /** One-time value bound to the admin's session; the completion route refuses any other. */
  state: string2(),
  app_id: string2(),
  config_id: string2(),
  graph_version: string2(),
  sdk_url: string2(),
  extras: record(string2(), unknown()),
  /** Meta's redirect-based dialog, offered when the popup is blocked or returns nothing. */
  fallback_url: string2(),
  /** Set when reconnecting an existing number: the flow must end on the same phone number. */
  account_id: nullable(number2())
});
var onboardingStepSchema = strictObject({
  key: _enum(["exchange_code", "check_token", "read_numbers", "save_account", "register", "subscribe", "test_connection"]),
  label: string2(),
  status: _enum(["pending", "running", "done", "failed", "skipped"]),
  message: nullable(string2())
});
var onboardingErrorSchema = strictObject({
  title: string2(),
  explanation: string2(),
  fix: string2()
});
var onboardingSchema = strictObject({
  onboarding_id: number2(),
  status: _enum(["running", "done", "failed"]),
  steps: array(onboardingStepSchema),
  account_id: nullable(number2()),
  display_phone_number: nullable(string2()),
  error: nullable(onboardingErrorSchema),
  /** The two-step verification PIN generated at registration, shown to the admin once. */
  pin: nullable(string2())
});

// static_src/api/routes.ts
var ROUTES = {
  "/cusoft_whatsapp/overview": overviewSchema,
  "/cusoft_whatsapp/setup/checklist": setupChecklistSchema,
  "/cusoft_whatsapp/account/card": accountCardSchema,
  "/cusoft_whatsapp/account/action": accountActionResultSchema,
  "/cusoft_whatsapp/signup/start": signupStartSchema,
  "/cusoft_whatsapp/signup/complete": onboardingSchema,
  "/cusoft_whatsapp/signup/step": onboardingSchema,
  "/cusoft_whatsapp/signup/abandon": okSchema,
  "/cusoft_whatsapp/chat/conversations": conversationPageSchema,
  "/cusoft_whatsapp/chat/messages": messagePageSchema,
  "/cusoft_whatsapp/chat/mark_read": readStateSchema,
  "/cusoft_whatsapp/chat/send": sentSchema,
  "/cusoft_whatsapp/chat/retry": sentSchema,
  "/cusoft_whatsapp/chat/typing": typingSchema,
  "/cusoft_whatsapp/chat/assign": assignedSchema,
  "/cusoft_whatsapp/chat/colleagues": colleaguesSchema,
  "/cusoft_whatsapp/chat/create_contact": contactCreatedSchema,
  "/cusoft_whatsapp/chat/counters": countersSchema,
  "/cusoft_whatsapp/chat/templates": templateListSchema,
  // The CRM bridge (cusoft_whatsapp_crm): present only when crm is installed.
  "/cusoft_whatsapp/crm/create_lead": leadCreatedSchema,
  "/cusoft_whatsapp/crm/lead_conversations": conversationPageSchema,
  // Multipart HTTP rather than JSON-RPC (ChatApi.uploadFile), but its JSON answer has a contract too.
  "/cusoft_whatsapp/chat/attachment": uploadAnswerSchema
};

// static_src/api/call.ts
async function callRoute(rpc6, route, params) {
  let raw;
  try {
    raw = await rpc6(route, params);
  } catch (error) {
    throw ApiError.unreachable(route, error);
  }
  const parsed = ROUTES[route].safeParse(raw);
  if (!parsed.success) {
    throw ApiError.unexpectedAnswer(route, parsed.error);
  }
  return parsed.data;
}

// static_src/api/client.ts
var WhatsAppApi = class {
  constructor(rpc6) {
    this.rpc = rpc6;
  }
  overview() {
    return this.call("/cusoft_whatsapp/overview");
  }
  /** The company's setup steps and what to do next (administrators only). */
  setupChecklist() {
    return this.call("/cusoft_whatsapp/setup/checklist");
  }
  accountCard(accountId) {
    return this.call("/cusoft_whatsapp/account/card", { account_id: accountId });
  }
  /** Runs one of the card's buttons on the server; Meta's failures come back explained in the card. */
  accountAction(accountId, action) {
    return this.call("/cusoft_whatsapp/account/action", { account_id: accountId, action });
  }
  /** Opens an Embedded Signup; `accountId` reconnects an existing number. */
  signupStart(accountId) {
    return this.call("/cusoft_whatsapp/signup/start", { account_id: accountId ?? null });
  }
  /** Sends Meta's code at once (it expires in 30 s) with the session info, if any arrived. */
  signupComplete(state, code, session2) {
    return this.call("/cusoft_whatsapp/signup/complete", { state, code, session: session2 && sessionParams(session2) });
  }
  /** Runs the next pending onboarding step (or resumes a failed one). */
  signupStep(onboardingId) {
    return this.call("/cusoft_whatsapp/signup/step", { onboarding_id: onboardingId });
  }
  /** Records a cancelled or failed popup for the audit trail and for support (Meta's session id). */
  signupAbandon(state, session2) {
    return this.call("/cusoft_whatsapp/signup/abandon", { state, session: session2 });
  }
  call(route, params) {
    return callRoute(this.rpc, route, params);
  }
};
function sessionParams(session2) {
  const params = { event: session2.event };
  for (const key of ["waba_id", "phone_number_id", "business_id"]) {
    const value = session2[key];
    if (value !== void 0) {
      params[key] = value;
    }
  }
  return params;
}

// static_src/odoo/rpc.ts
function odooWhatsAppApi() {
  return new WhatsAppApi((route, params) => rpc(route, params ?? {}));
}

// static_src/odoo/home_action.ts
var WhatsAppHomeAction = class extends Component3 {
  static {
    this.template = "cusoft_whatsapp.WhatsAppHomeAction";
  }
  static {
    this.components = { WhatsAppHome };
  }
  static {
    this.props = ["*"];
  }
  setup() {
    const navigation = useWhatsAppNavigation();
    this.api = odooWhatsAppApi();
    this.openSettings = async () => {
      const canOpenSettings = await user.hasGroup("base.group_system");
      navigation.openXmlAction(
        canOpenSettings ? "cusoft_whatsapp.res_config_settings_action" : "cusoft_whatsapp.cusoft_whatsapp_account_action"
      );
    };
    this.openAccount = (accountId) => navigation.openAccount(accountId);
    this.openDeliveries = () => navigation.openXmlAction("cusoft_whatsapp.cusoft_whatsapp_webhook_event_action");
    this.copy = (text2) => navigator.clipboard.writeText(text2);
  }
};
function registerHomeAction() {
  registry2.category("actions").add("cusoft_whatsapp.home", WhatsAppHomeAction);
}

// static_src/odoo/numbers_widget.ts
import { Component as Component4 } from "@odoo/owl";
import { registry as registry3 } from "@web/core/registry";
var NumbersWidget = class extends Component4 {
  static {
    this.template = "cusoft_whatsapp.NumbersWidget";
  }
  static {
    this.components = { WhatsAppHome };
  }
  static {
    this.props = ["*"];
  }
  setup() {
    const navigation = useWhatsAppNavigation();
    this.api = odooWhatsAppApi();
    this.openAccounts = () => navigation.openXmlAction("cusoft_whatsapp.cusoft_whatsapp_account_action");
    this.openAccount = (accountId) => navigation.openAccount(accountId);
  }
};
function registerNumbersWidget() {
  registry3.category("view_widgets").add("cusoft_whatsapp_numbers", { component: NumbersWidget });
}

// static_src/odoo/account_card_widget.ts
import { Component as Component6 } from "@odoo/owl";
import { registry as registry4 } from "@web/core/registry";

// static_src/components/account_card/account_card.ts
import { Component as Component5, markRaw, onMounted, onPatched, onWillStart as onWillStart3, onWillUnmount, useRef, useState as useState3 } from "@odoo/owl";

// static_src/domain/token_expiry.ts
var EXPIRING_SOON = Duration.fromObject({ days: 7 });
var COUNTDOWN_UNITS = ["days", "hours", "minutes"];
function tokenExpiry(expiresAt, tokenSet, now) {
  if (!tokenSet) {
    return { label: _t("No token"), tone: "danger", expired: false, expiringSoon: false };
  }
  if (!expiresAt) {
    return { label: _t("Never expires"), tone: "success", expired: false, expiringSoon: false };
  }
  const relative = expiresAt.toRelative({ base: now, unit: COUNTDOWN_UNITS }) ?? expiresAt.toLocaleString();
  if (expiresAt.toMillis() <= now.toMillis()) {
    return { label: _t("Expired %s", relative), tone: "danger", expired: true, expiringSoon: false };
  }
  if (expiresAt.diff(now).toMillis() < EXPIRING_SOON.toMillis()) {
    return { label: _t("Expires %s", relative), tone: "warning", expired: false, expiringSoon: true };
  }
  return { label: _t("Expires %s", relative), tone: "success", expired: false, expiringSoon: false };
}

// static_src/components/account_card/account_card.ts
var MINUTE_MS = 6e4;
var AccountCard = class extends Component5 {
  constructor() {
    super(...arguments);
    /** Where focus goes once the confirmation appears or goes away, so keyboard users are not lost. */
    this.focusAfterPatch = null;
  }
  static {
    this.template = "cusoft_whatsapp.AccountCard";
  }
  static {
    this.props = {
      api: Object,
      accountId: Number,
      now: Function,
      copy: Function,
      onChanged: { type: Function, optional: true },
      refreshMs: { type: Number, optional: true }
    };
  }
  setup() {
    this.state = useState3({
      status: "loading",
      card: null,
      loadError: "",
      running: null,
      confirmingDisconnect: false,
      message: "",
      actionError: "",
      copyFeedback: null,
      now: this.readClock()
    });
    onWillStart3(() => this.load());
    let timer;
    onMounted(() => {
      timer = setInterval(() => {
        this.state.now = this.readClock();
      }, this.props.refreshMs ?? MINUTE_MS);
    });
    onWillUnmount(() => clearInterval(timer));
    const disconnectButton = useRef("disconnectButton");
    const cancelDisconnectButton = useRef("cancelDisconnectButton");
    onPatched(() => {
      if (this.focusAfterPatch) {
        (this.focusAfterPatch === "cancel" ? cancelDisconnectButton : disconnectButton).el?.focus();
        this.focusAfterPatch = null;
      }
    });
  }
  async load() {
    this.state.status = "loading";
    try {
      this.showCard(await this.props.api.accountCard(this.props.accountId));
      this.state.status = "ready";
    } catch (error) {
      this.state.loadError = error instanceof ApiError ? error.message : _t("Something went wrong while loading this WhatsApp number.");
      this.state.status = "error";
    }
  }
  async run(action) {
    if (this.state.running) {
      return;
    }
    this.state.running = action;
    this.state.confirmingDisconnect = false;
    this.state.message = "";
    this.state.actionError = "";
    try {
      const result = await this.props.api.accountAction(this.props.accountId, action);
      this.showCard(result.card);
      this.state.message = result.message;
      this.props.onChanged?.(result.card);
    } catch (error) {
      this.state.actionError = error instanceof ApiError ? error.message : _t("Something went wrong while talking to the server.");
    } finally {
      this.state.running = null;
      if (action === "disconnect") {
        this.focusAfterPatch = "disconnect";
      }
    }
  }
  askDisconnect() {
    this.state.confirmingDisconnect = true;
    this.focusAfterPatch = "cancel";
  }
  cancelDisconnect() {
    this.state.confirmingDisconnect = false;
    this.focusAfterPatch = "disconnect";
  }
  async copy(field) {
    const value = this.state.card?.[field];
    if (!value) {
      return;
    }
    try {
      await this.props.copy(value);
      this.state.copyFeedback = { field, ok: true };
    } catch {
      this.state.copyFeedback = { field, ok: false };
    }
  }
  copyFeedback(field) {
    const feedback = this.state.copyFeedback;
    if (feedback?.field !== field) {
      return "";
    }
    return feedback.ok ? _t("Copied") : _t("Could not copy: select the text and copy it yourself.");
  }
  copyFailed(field) {
    return this.state.copyFeedback?.field === field && !this.state.copyFeedback.ok;
  }
  /** Unique per number, as several cards can share a page. */
  domId(part) {
    return `o_cusoft_whatsapp_${part}_${this.props.accountId}`;
  }
  badgeClass(tone) {
    return `text-bg-${tone === "muted" ? "secondary" : tone}`;
  }
  stateBadge(card) {
    return accountStateBadge(card.state);
  }
  quality(card) {
    return qualityBadge(card.quality_rating);
  }
  messagingLimit(card) {
    return messagingLimitBadge(card.messaging_limit);
  }
  nameStatus(card) {
    return nameStatusBadge(card.name_status);
  }
  token(card) {
    return tokenExpiry(card.token_expires_at, card.token_set, this.state.now);
  }
  since(at) {
    return relativeTime(at, this.state.now);
  }
  /** Kept out of OWL's reactivity: luxon objects are immutable, and proxying them only costs. */
  showCard(card) {
    this.state.card = markRaw(card);
  }
  readClock() {
    return markRaw(this.props.now());
  }
};

// static_src/odoo/account_card_widget.ts
var AccountCardWidget = class extends Component6 {
  static {
    this.template = "cusoft_whatsapp.AccountCardWidget";
  }
  static {
    this.components = { AccountCard };
  }
  static {
    this.props = ["*"];
  }
  setup() {
    this.api = odooWhatsAppApi();
  }
  now() {
    return DateTime.now();
  }
  copy(text2) {
    return navigator.clipboard.writeText(text2);
  }
  /** The form's own fields (state, last error…) must follow what the card's buttons changed. */
  onChanged(_card) {
    void this.props.record.load();
  }
};
function registerAccountCardWidget() {
  registry4.category("view_widgets").add("cusoft_whatsapp_account_card", { component: AccountCardWidget });
}

// static_src/odoo/connect_widget.ts
import { Component as Component8, useState as useState5 } from "@odoo/owl";
import { registry as registry5 } from "@web/core/registry";

// static_src/components/embedded_signup/embedded_signup.ts
import { Component as Component7, onMounted as onMounted2, onPatched as onPatched2, onWillUnmount as onWillUnmount2, useRef as useRef2, useState as useState4 } from "@odoo/owl";

// static_src/domain/signup_events.ts
var FINISH_EVENTS = ["FINISH", "FINISH_ONLY_WABA", "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING"];
var envelopeSchema = object({
  type: literal("WA_EMBEDDED_SIGNUP"),
  event: string2(),
  data: optional(unknown())
});
var idSchema = string2().check(_minLength(1));
var finishDataSchema = object({
  waba_id: idSchema,
  phone_number_id: optional(idSchema),
  business_id: optional(idSchema)
});
var cancelDataSchema = object({
  current_step: optional(string2())
});
var looseText = optional(union([string2(), number2()]));
var errorDataSchema = object({
  error_message: optional(string2()),
  error_code: looseText,
  /** The older name of `error_code` (contract §3.3, legacy ERROR event). */
  error_id: looseText,
  session_id: looseText,
  timestamp: looseText
});
function isFacebookOrigin(origin) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const host = url.hostname;
  return url.protocol === "https:" && url.port === "" && (host === "facebook.com" || host.endsWith(".facebook.com"));
}
function parseSignupMessage(message) {
  if (!isFacebookOrigin(message.origin)) {
    return null;
  }
  const envelope = envelopeSchema.safeParse(decode2(message.data));
  if (!envelope.success) {
    return null;
  }
  const { event, data } = envelope.data;
  if (event === "ERROR" || event === "CANCEL") {
    return parseStop(event, data);
  }
  if (isFinishEvent(event)) {
    const finish = finishDataSchema.safeParse(data);
    return finish.success ? { kind: "finish", event, ...finish.data } : null;
  }
  return null;
}
function cancelStepExplanation(step) {
  switch (step) {
    case "BUSINESS_ACCOUNT_SELECTION":
      return _t(
        "You stopped while choosing the Meta business portfolio. Pick (or create) the business that will own the WhatsApp account and try again."
      );
    case "WABA_PHONE_PROFILE_PICKER":
      return _t(
        "You stopped while choosing the WhatsApp Business account and phone number. Try again and pick the account and number Odoo should use."
      );
    case "WHATSAPP_BUSINESS_PROFILE_SETUP":
      return _t(
        "You stopped while setting up the WhatsApp Business profile. Have the display name and category of your business ready and try again."
      );
    case "PHONE_NUMBER_SETUP":
      return _t(
        "You stopped while adding the phone number. Have the number ready, with a phone that can receive a text message or a call on it, and try again."
      );
    case "PHONE_NUMBER_VERIFICATION":
      return _t("You stopped while verifying the phone number. Keep the phone nearby to receive the code and try again.");
    case "PERMISSIONS":
      return _t(
        "You stopped at the permissions screen. Odoo needs every permission it asks for to send and receive messages: try again and accept them."
      );
    default:
      return _t("You closed the Meta window before the end, so nothing was connected. Try again when you are ready.");
  }
}
function decode2(data) {
  if (typeof data !== "string") {
    return data;
  }
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}
function isFinishEvent(event) {
  return FINISH_EVENTS.includes(event);
}
function parseStop(event, data) {
  const error = errorDataSchema.safeParse(data ?? {});
  if (event === "ERROR" || error.success && error.data.error_message !== void 0) {
    const fields = error.success ? error.data : {};
    return {
      kind: "error",
      event,
      error_message: fields.error_message || null,
      error_code: text(fields.error_code ?? fields.error_id),
      session_id: text(fields.session_id),
      timestamp: text(fields.timestamp)
    };
  }
  const cancel = cancelDataSchema.safeParse(data ?? {});
  return cancel.success ? { kind: "cancel", current_step: cancel.data.current_step || null } : null;
}
function text(value) {
  return value === void 0 || value === "" ? null : String(value);
}

// static_src/domain/signup_flow.ts
function startSignupFlow() {
  return { phase: "waiting", session: null };
}
function advanceSignupFlow(flow, input) {
  if (flow.phase !== "waiting" && flow.phase !== "no_code") {
    return { flow, command: null };
  }
  if (input.type === "fallback") {
    return { flow: { phase: "handed_over" }, command: null };
  }
  if (input.type === "code") {
    return { flow: { phase: "sent" }, command: { kind: "complete", code: input.code, session: flow.session } };
  }
  if (input.type === "no_code") {
    return { flow: { phase: "no_code", session: flow.session }, command: null };
  }
  const event = input.event;
  switch (event.kind) {
    case "finish":
      return { flow: { ...flow, session: toSession(event) }, command: null };
    case "cancel":
      return cancelled(event.current_step);
    case "error":
      return metaError(event);
  }
}
function toSession(event) {
  const session2 = { event: event.event, waba_id: event.waba_id };
  if (event.phone_number_id !== void 0) {
    session2.phone_number_id = event.phone_number_id;
  }
  if (event.business_id !== void 0) {
    session2.business_id = event.business_id;
  }
  return session2;
}
function cancelled(step) {
  return {
    flow: { phase: "cancelled", step, explanation: cancelStepExplanation(step) },
    command: { kind: "abandon", report: { event: "CANCEL", current_step: step } }
  };
}
function metaError(event) {
  return {
    flow: {
      phase: "meta_error",
      message: event.error_message ?? _t("Meta reported an error in its window without saying which."),
      errorCode: event.error_code,
      sessionId: event.session_id
    },
    command: {
      kind: "abandon",
      report: {
        event: event.event,
        error_message: event.error_message,
        error_code: event.error_code,
        session_id: event.session_id,
        timestamp: event.timestamp
      }
    }
  };
}

// static_src/services/facebook_sdk.ts
var FacebookSdkLoadError = class extends Error {
  constructor(sdkUrl, reason) {
    super(
      reason === "timeout" ? _t("Meta's sign-in script (%s) did not load in time. Check the connection and any ad or tracker blocker, then try again.", sdkUrl) : _t("Meta's sign-in script (%s) could not be loaded. An ad or tracker blocker, a privacy extension or a firewall may be blocking it.", sdkUrl)
    );
    this.name = "FacebookSdkLoadError";
  }
};
var loginResponseSchema = object({
  authResponse: optional(nullable(object({ code: optional(string2()) })))
});
function readLoginCode(response) {
  const parsed = loginResponseSchema.safeParse(response);
  return parsed.success && parsed.data.authResponse?.code || null;
}
var LOAD_TIMEOUT_MS = 15e3;
var BrowserFacebookSdk = class {
  constructor(win = window, timeoutMs = LOAD_TIMEOUT_MS) {
    this.win = win;
    this.timeoutMs = timeoutMs;
    this.ready = null;
    /** `appId|version` given to FB.init, so a changed setting re-initialises without a reload. */
    this.initialized = "";
  }
  async load(sdkUrl, appId, version2) {
    this.ready ??= this.inject(sdkUrl, appId, version2).catch((error) => {
      this.ready = null;
      throw error;
    });
    const fb = await this.ready;
    this.init(fb, appId, version2);
    return { login: (callback, options) => fb.login(callback, { ...options }) };
  }
  inject(sdkUrl, appId, version2) {
    const win = this.win;
    if (win.FB) {
      return Promise.resolve(win.FB);
    }
    return new Promise((resolve, reject) => {
      const doc = win.document;
      const script = doc.createElement("script");
      const previousInit = win.fbAsyncInit;
      const timer = win.setTimeout(() => fail("timeout"), this.timeoutMs);
      const fail = (reason) => {
        win.clearTimeout(timer);
        script.remove();
        win.fbAsyncInit = previousInit;
        reject(new FacebookSdkLoadError(sdkUrl, reason));
      };
      win.fbAsyncInit = () => {
        win.clearTimeout(timer);
        win.fbAsyncInit = previousInit;
        previousInit?.();
        const fb = win.FB;
        if (!fb) {
          fail("error");
          return;
        }
        this.init(fb, appId, version2);
        resolve(fb);
      };
      script.src = sdkUrl;
      script.async = true;
      script.defer = true;
      script.crossOrigin = "anonymous";
      script.addEventListener("error", () => fail("error"));
      doc.head.appendChild(script);
    });
  }
  init(fb, appId, version2) {
    const key = `${appId}|${version2}`;
    if (this.initialized !== key) {
      fb.init({ appId, autoLogAppEvents: true, xfbml: false, version: version2 });
      this.initialized = key;
    }
  }
};
function browserWindowMessages(win = window) {
  return (listener) => {
    const handler = (event) => listener({ origin: event.origin, data: event.data });
    win.addEventListener("message", handler);
    return () => win.removeEventListener("message", handler);
  };
}

// static_src/components/embedded_signup/embedded_signup.ts
var BUSY = ["starting", "popup", "onboarding"];
var MAX_STEP_CALLS = 50;
var STEP_ICONS = {
  pending: "fa-circle-o text-muted",
  running: "fa-circle-o-notch fa-spin text-primary",
  done: "fa-check-circle text-success",
  failed: "fa-times-circle text-danger",
  skipped: "fa-minus-circle text-muted"
};
function freshState(phase) {
  return { phase, onboarding: null, flow: null, pin: null, apiError: "", retry: "start", fallbackOpened: false };
}
var EmbeddedSignup = class extends Component7 {
  constructor() {
    super(...arguments);
    this.start = null;
    /** Where the popup stands, for the reducer; `state.flow` keeps what the user is shown. */
    this.flow = null;
    /** Bumped by every new attempt, so a late callback from an older popup changes nothing. */
    this.attempt = 0;
    this.alive = true;
    this.focusedPhase = "idle";
  }
  static {
    this.template = "cusoft_whatsapp.EmbeddedSignup";
  }
  static {
    this.props = {
      api: Object,
      sdk: Object,
      messages: Function,
      openUrl: Function,
      accountId: { type: Number, optional: true },
      onConnected: { type: Function, optional: true }
    };
  }
  setup() {
    this.state = useState4(freshState("idle"));
    let unsubscribe;
    onMounted2(() => {
      unsubscribe = this.props.messages((message) => this.onMessage(message));
    });
    onWillUnmount2(() => {
      this.alive = false;
      unsubscribe?.();
    });
    const outcome = useRef2("outcome");
    onPatched2(() => {
      if (this.state.phase !== this.focusedPhase) {
        this.focusedPhase = this.state.phase;
        outcome.el?.focus();
      }
    });
  }
  get busy() {
    return BUSY.includes(this.state.phase);
  }
  get buttonLabel() {
    return this.props.accountId === void 0 ? _t("Connect WhatsApp") : _t("Reconnect");
  }
  get statusText() {
    switch (this.state.phase) {
      case "starting":
        return _t("Opening Meta's signup window…");
      case "popup":
        return _t("Finish the steps in Meta's window. This page continues on its own when you are done.");
      case "onboarding":
        return _t("Setting up the WhatsApp number…");
      default:
        return "";
    }
  }
  async connect() {
    if (this.busy) {
      return;
    }
    const attempt = ++this.attempt;
    Object.assign(this.state, freshState("starting"));
    this.start = null;
    this.flow = null;
    let start;
    try {
      start = await this.props.api.signupStart(this.props.accountId);
    } catch (error) {
      this.showApiError(attempt, error, "start");
      return;
    }
    if (!this.current(attempt)) {
      return;
    }
    this.start = start;
    try {
      const sdk = await this.props.sdk.load(start.sdk_url, start.app_id, start.graph_version);
      if (!this.current(attempt)) {
        return;
      }
      this.flow = startSignupFlow();
      this.state.phase = "popup";
      sdk.login((response) => this.onLogin(attempt, response), {
        config_id: start.config_id,
        response_type: "code",
        override_default_response_type: true,
        extras: start.extras
      });
    } catch {
      if (this.current(attempt)) {
        this.flow = null;
        this.state.phase = "sdk_error";
      }
    }
  }
  /** Runs the failed step again; the server keeps the steps already done. */
  async resume() {
    const onboarding = this.state.onboarding;
    if (this.busy || !onboarding) {
      return;
    }
    const attempt = this.attempt;
    this.state.phase = "onboarding";
    this.state.apiError = "";
    try {
      await this.follow(attempt, await this.props.api.signupStep(onboarding.onboarding_id));
    } catch (error) {
      this.showApiError(attempt, error, "step");
    }
  }
  retry() {
    return this.state.retry === "step" ? this.resume() : this.connect();
  }
  openFallback() {
    if (this.start) {
      this.props.openUrl(this.start.fallback_url);
      this.state.fallbackOpened = true;
      if (this.flow) {
        this.advance({ type: "fallback" });
      }
    }
  }
  stepIcon(step) {
    return STEP_ICONS[step.status];
  }
  /** Said to screen readers, since the icon alone carries the status. */
  stepStatus(step) {
    switch (step.status) {
      case "pending":
        return _t("waiting");
      case "running":
        return _t("in progress");
      case "done":
        return _t("done");
      case "failed":
        return _t("failed");
      case "skipped":
        return _t("skipped");
    }
  }
  onLogin(attempt, response) {
    if (!this.current(attempt)) {
      return;
    }
    const code = readLoginCode(response);
    this.advance(code ? { type: "code", code } : { type: "no_code" });
  }
  onMessage(message) {
    if (!this.flow) {
      return;
    }
    const event = parseSignupMessage(message);
    if (event) {
      this.advance({ type: "event", event });
    }
  }
  advance(input) {
    const previous = this.flow;
    if (!previous) {
      return;
    }
    const { flow, command } = advanceSignupFlow(previous, input);
    this.flow = flow;
    if (flow !== previous && (flow.phase === "cancelled" || flow.phase === "meta_error" || flow.phase === "no_code")) {
      this.state.flow = flow;
      this.state.phase = flow.phase;
    }
    if (command?.kind === "complete") {
      void this.complete(command.code, command.session);
    } else if (command?.kind === "abandon") {
      void this.abandon(command.report);
    }
  }
  async complete(code, session2) {
    const attempt = this.attempt;
    const start = this.start;
    if (!start) {
      return;
    }
    this.state.phase = "onboarding";
    try {
      await this.follow(attempt, await this.props.api.signupComplete(start.state, code, session2));
    } catch (error) {
      this.showApiError(attempt, error, this.state.onboarding ? "step" : "start");
    }
  }
  /** Asks for the next step for as long as the server says the onboarding is running. */
  async follow(attempt, first) {
    let onboarding = first;
    for (let calls = 0; ; calls++) {
      if (!this.current(attempt)) {
        return;
      }
      this.state.onboarding = onboarding;
      this.state.pin = onboarding.pin ?? this.state.pin;
      if (onboarding.status !== "running") {
        break;
      }
      if (calls >= MAX_STEP_CALLS) {
        this.state.apiError = _t("The setup is taking longer than expected. Try again to continue where it stopped.");
        this.state.retry = "step";
        this.state.phase = "api_error";
        return;
      }
      onboarding = await this.props.api.signupStep(onboarding.onboarding_id);
    }
    if (onboarding.status === "failed") {
      this.state.phase = "failed";
      return;
    }
    this.state.phase = "done";
    if (onboarding.account_id !== null) {
      this.props.onConnected?.(onboarding.account_id);
    }
  }
  async abandon(report) {
    const start = this.start;
    if (!start) {
      return;
    }
    try {
      await this.props.api.signupAbandon(start.state, report);
    } catch {
    }
  }
  showApiError(attempt, error, retry) {
    if (!this.current(attempt)) {
      return;
    }
    this.state.apiError = error instanceof ApiError ? error.message : _t("Something went wrong while talking to the server.");
    this.state.retry = retry;
    this.state.phase = "api_error";
  }
  current(attempt) {
    return this.alive && attempt === this.attempt;
  }
};

// static_src/odoo/connect_widget.ts
var ports = registry5.category("cusoft_whatsapp.ports");
var browserSdk = new BrowserFacebookSdk();
var ConnectWidget = class extends Component8 {
  static {
    this.template = "cusoft_whatsapp.ConnectWidget";
  }
  static {
    this.components = { EmbeddedSignup };
  }
  static {
    this.props = ["*"];
  }
  setup() {
    const navigation = useWhatsAppNavigation();
    this.api = odooWhatsAppApi();
    this.sdk = {
      load: (sdkUrl, appId, version2) => ports.get("facebook_sdk", browserSdk).load(sdkUrl, appId, version2)
    };
    this.messages = browserWindowMessages();
    this.connected = useState5({ accountId: null });
    this.onConnected = (accountId) => {
      this.connected.accountId = accountId;
    };
    this.openAccount = () => {
      if (this.connected.accountId !== null) {
        navigation.openAccount(this.connected.accountId);
      }
    };
  }
  get accountId() {
    const { resModel, resId } = this.props.record;
    return resModel === "cusoft.whatsapp.account" && resId ? resId : void 0;
  }
  openUrl(url) {
    window.open(url, "_blank", "noopener");
  }
};
function registerConnectWidget() {
  registry5.category("view_widgets").add("cusoft_whatsapp_connect", { component: ConnectWidget });
}

// static_src/odoo/setup_checklist_widget.ts
import { Component as Component9 } from "@odoo/owl";
import { registry as registry6 } from "@web/core/registry";
var SetupChecklistWidget = class extends Component9 {
  static {
    this.template = "cusoft_whatsapp.SetupChecklistWidget";
  }
  static {
    this.components = { SetupChecklist };
  }
  static {
    this.props = ["*"];
  }
  setup() {
    this.api = odooWhatsAppApi();
  }
  copy(text2) {
    return navigator.clipboard.writeText(text2);
  }
};
function registerSetupChecklistWidget() {
  registry6.category("view_widgets").add("cusoft_whatsapp_setup_checklist", { component: SetupChecklistWidget });
}

// static_src/odoo/translation.ts
import { _t as odooTranslate } from "@web/core/l10n/translation";
function installOdooTranslator() {
  setTranslator((term) => String(odooTranslate(term)));
}

// static_src/odoo/inbox_service.ts
import { registry as registry7 } from "@web/core/registry";
import { rpc as rpc2 } from "@web/core/network/rpc";
import { user as user2 } from "@web/core/user";

// static_src/api/chat_client.ts
var UPLOAD_ROUTE = "/cusoft_whatsapp/chat/attachment";
var ChatApi = class {
  constructor(rpc6, upload) {
    this.rpc = rpc6;
    this.upload = upload;
  }
  conversations(query = {}) {
    const params = { filter: query.filter ?? "all" };
    if (query.accountId) {
      params.account_id = query.accountId;
    }
    if (query.search) {
      params.search = query.search;
    }
    if (query.cursor) {
      params.cursor = query.cursor;
    }
    if (query.limit) {
      params.limit = query.limit;
    }
    return this.call("/cusoft_whatsapp/chat/conversations", params);
  }
  /** Refreshes given rows after a bus notification: the server applies the user's access rules. */
  conversationsByIds(ids) {
    return this.call("/cusoft_whatsapp/chat/conversations", { ids });
  }
  messages(conversationId, query = {}, limit) {
    return this.call("/cusoft_whatsapp/chat/messages", { conversation_id: conversationId, ...query, ...limit ? { limit } : {} });
  }
  /** Given messages (a reaction's id answers its target); `has_older`/`has_newer` are null. */
  messagesByIds(conversationId, ids) {
    return this.call("/cusoft_whatsapp/chat/messages", { conversation_id: conversationId, ids });
  }
  markRead(conversationId, messageId) {
    return this.call("/cusoft_whatsapp/chat/mark_read", {
      conversation_id: conversationId,
      ...messageId ? { message_id: messageId } : {}
    });
  }
  async send(conversationId, clientId, send) {
    const params = { conversation_id: conversationId, client_id: clientId, kind: send.kind };
    if (send.kind === "text") {
      Object.assign(params, { body: send.body, reply_to_id: send.replyToId ?? null });
    } else if (send.kind === "media") {
      Object.assign(params, { attachment_id: send.attachmentId, caption: send.caption ?? null, reply_to_id: send.replyToId ?? null });
    } else {
      Object.assign(params, { message_id: send.messageId, emoji: send.emoji });
    }
    return (await this.call("/cusoft_whatsapp/chat/send", params)).message;
  }
  async retry(messageId) {
    return (await this.call("/cusoft_whatsapp/chat/retry", { message_id: messageId })).message;
  }
  async typing(conversationId) {
    return (await this.call("/cusoft_whatsapp/chat/typing", { conversation_id: conversationId })).sent;
  }
  async assign(conversationId, action, userId) {
    const params = { conversation_id: conversationId, action };
    if (userId) {
      params.user_id = userId;
    }
    return (await this.call("/cusoft_whatsapp/chat/assign", params)).conversation;
  }
  async colleagues(conversationId) {
    return (await this.call("/cusoft_whatsapp/chat/colleagues", { conversation_id: conversationId })).users;
  }
  /** Stores `file` on the conversation (Meta's type and size limits checked by the server). */
  async uploadFile(conversationId, file) {
    let answer;
    try {
      answer = await this.upload(UPLOAD_ROUTE, { conversation_id: String(conversationId), ufile: file });
    } catch (error) {
      throw ApiError.unreachable(UPLOAD_ROUTE, error);
    }
    if (answer.status === 403) {
      throw new ApiError(_t("You are not allowed to send files in this conversation."), UPLOAD_ROUTE);
    }
    if (answer.status === 413) {
      throw new ApiError(_t("This file is too large for WhatsApp."), UPLOAD_ROUTE);
    }
    const parsed = uploadAnswerSchema.safeParse(answer.body);
    if (!parsed.success) {
      throw answer.status >= 500 || answer.body === null ? ApiError.unreachable(UPLOAD_ROUTE, answer) : ApiError.unexpectedAnswer(UPLOAD_ROUTE, parsed.error);
    }
    if ("error" in parsed.data) {
      throw new ApiError(parsed.data.error, UPLOAD_ROUTE);
    }
    return parsed.data;
  }
  call(route, params) {
    return callRoute(this.rpc, route, params);
  }
};

// static_src/services/inbox_store.ts
import { reactive } from "@odoo/owl";

// static_src/api/schemas/chat_bus.ts
var messageNotificationSchema = object({
  conversation_id: number2(),
  message_id: number2(),
  state: messageStateSchema,
  direction: directionSchema,
  /** Whom a customer's message rings for: the number's notified users and the assignee. */
  alert_user_ids: optional(array(number2()))
});
var conversationNotificationSchema = object({
  conversation_id: number2(),
  user_id: nullable(number2())
});
var readNotificationSchema = object({
  conversation_id: number2(),
  last_read_message_id: number2(),
  unread_count: number2()
});
var BUS_MESSAGE = "cusoft_whatsapp/message";
var BUS_CONVERSATION = "cusoft_whatsapp/conversation";
var BUS_READ = "cusoft_whatsapp/read";

// static_src/services/bus_coalescer.ts
function emptyBatch() {
  return { conversations: /* @__PURE__ */ new Set(), messages: /* @__PURE__ */ new Map(), inbound: /* @__PURE__ */ new Set() };
}
var BusCoalescer = class {
  constructor(bus, clock, delayMs, handlers) {
    this.clock = clock;
    this.delayMs = delayMs;
    this.handlers = handlers;
    this.batch = emptyBatch();
    this.timer = null;
    this.unsubscribes = [
      bus.subscribe(BUS_MESSAGE, (payload) => this.onMessage(payload)),
      bus.subscribe(BUS_CONVERSATION, (payload) => this.onConversation(payload)),
      bus.subscribe(BUS_READ, (payload) => this.onRead(payload))
    ];
  }
  destroy() {
    this.unsubscribes.forEach((unsubscribe) => unsubscribe());
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
  }
  onMessage(payload) {
    const parsed = messageNotificationSchema.safeParse(payload);
    if (!parsed.success) {
      return;
    }
    const { conversation_id: conversationId, message_id: messageId, direction } = parsed.data;
    this.batch.conversations.add(conversationId);
    if (this.handlers.wantsMessages(conversationId)) {
      const ids = this.batch.messages.get(conversationId) ?? /* @__PURE__ */ new Set();
      ids.add(messageId);
      this.batch.messages.set(conversationId, ids);
    }
    if (direction === "inbound") {
      this.batch.inbound.add(conversationId);
    }
    this.schedule();
  }
  onConversation(payload) {
    const parsed = conversationNotificationSchema.safeParse(payload);
    if (parsed.success) {
      this.batch.conversations.add(parsed.data.conversation_id);
      this.schedule();
    }
  }
  onRead(payload) {
    const parsed = readNotificationSchema.safeParse(payload);
    if (parsed.success) {
      const read = parsed.data;
      this.handlers.read(read.conversation_id, read.last_read_message_id, read.unread_count);
    }
  }
  schedule() {
    if (this.timer === null) {
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        const batch = this.batch;
        this.batch = emptyBatch();
        this.handlers.flush(batch);
      }, this.delayMs);
    }
  }
};

// static_src/services/clock.ts
var browserClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle)
};

// static_src/services/conversation_list.ts
function passesFilters(conversation, list, userId) {
  if (list.accountId && conversation.account_id !== list.accountId) {
    return false;
  }
  switch (list.filter) {
    case "mine":
      return conversation.assignee?.id === userId;
    case "unassigned":
      return conversation.assignee === null;
    case "unread":
      return conversation.unread_count > 0;
    case "all":
      return true;
  }
}
function activity(conversation) {
  return conversation.last_message_at?.toMillis() ?? -Infinity;
}
function compareConversations(a, b) {
  return activity(b) - activity(a) || b.id - a.id;
}
function placeInList(list, conversations, conversation, userId, keepId) {
  const shown = list.ids.includes(conversation.id);
  const others = list.ids.filter((id) => id !== conversation.id);
  const belongs = (list.search ? shown : passesFilters(conversation, list, userId)) || shown && conversation.id === keepId;
  if (!belongs) {
    return others;
  }
  const lastLoaded = others.length ? conversations[others[others.length - 1]] : void 0;
  if (list.hasMore && lastLoaded && compareConversations(conversation, lastLoaded) > 0 && !shown) {
    return others;
  }
  const at = others.findIndex((id) => {
    const other = conversations[id];
    return other !== void 0 && compareConversations(conversation, other) < 0;
  });
  if (at === -1) {
    return [...others, conversation.id];
  }
  return [...others.slice(0, at), conversation.id, ...others.slice(at)];
}

// static_src/services/client_id.ts
function newClientId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return "wa-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// static_src/services/thread_window.ts
function split(messages) {
  return { saved: messages.filter((m) => m.id > 0), local: messages.filter((m) => m.id < 0) };
}
function dropAnswered(local, saved) {
  const answered = new Set(saved.map((m) => m.client_id).filter((id) => !!id));
  return local.filter((m) => !m.client_id || !answered.has(m.client_id));
}
function prependPage(messages, page) {
  const { saved, local } = split(messages);
  const first = saved[0]?.id ?? Infinity;
  return [...page.filter((m) => m.id < first), ...saved, ...local];
}
function appendPage(messages, page) {
  const { saved, local } = split(messages);
  const last = saved[saved.length - 1]?.id ?? 0;
  const merged = [...saved, ...page.filter((m) => m.id > last)];
  return [...merged, ...dropAnswered(local, merged)];
}
function mergeMessages(messages, incoming, edges) {
  const { saved, local } = split(messages);
  const byId = new Map(saved.map((m) => [m.id, m]));
  const first = saved[0]?.id;
  const last = saved[saved.length - 1]?.id;
  for (const message of incoming) {
    const inside = byId.has(message.id) || first === void 0 || (message.id > first || !edges.hasOlder) && (message.id < last || !edges.hasNewer);
    if (inside) {
      byId.set(message.id, message);
    }
  }
  const merged = [...byId.values()].sort((a, b) => a.id - b.id);
  return [...merged, ...dropAnswered(local, merged)];
}
function replaceMessage(messages, id, next) {
  const others = messages.filter((m) => m.id !== id && m.id !== next.id);
  const { saved, local } = split(next.id > 0 ? [...others, next] : others);
  saved.sort((a, b) => a.id - b.id);
  if (next.id < 0) {
    const at = messages.findIndex((m) => m.id === id);
    const before = messages.slice(0, Math.max(at, 0)).filter((m) => m.id < 0).length;
    local.splice(before, 0, next);
  }
  return [...saved, ...local];
}

// static_src/services/inbox_state.ts
function plainError(error) {
  return error instanceof ApiError ? error.message : _t("Something went wrong. Try again.");
}
function putMessage(state, conversationId, id, message) {
  const thread = state.threads[conversationId];
  if (thread) {
    thread.messages = replaceMessage(thread.messages, id, message);
  }
}
function updateMessage(state, conversationId, id, update) {
  const thread = state.threads[conversationId];
  const current = thread?.messages.find((m) => m.id === id);
  if (!thread || !current) {
    return void 0;
  }
  thread.messages = thread.messages.map((m) => m.id === id ? update(m) : m);
  return current;
}

// static_src/services/pending_sends.ts
var PendingSends = class {
  constructor() {
    this.byClientId = /* @__PURE__ */ new Map();
    this.lastTempId = 0;
  }
  create(conversationId, params, file = null) {
    const pending = {
      clientId: newClientId(),
      tempId: --this.lastTempId,
      conversationId,
      params,
      file,
      inFlight: null
    };
    this.byClientId.set(pending.clientId, pending);
    return pending;
  }
  byTempId(tempId) {
    return [...this.byClientId.values()].find((p) => p.tempId === tempId);
  }
  /** A send identical to one still waiting for the server: the second click of a double click. */
  findInFlight(conversationId, params) {
    const key = JSON.stringify(params);
    return [...this.byClientId.values()].find(
      (p) => p.inFlight && p.conversationId === conversationId && !p.file && JSON.stringify(p.params) === key
    );
  }
  done(pending) {
    this.byClientId.delete(pending.clientId);
  }
};
function optimisticMessage(pending, author, replyTo, file) {
  const { params } = pending;
  const body = params.kind === "text" ? params.body : params.kind === "media" ? params.caption ?? "" : params.emoji;
  return {
    id: pending.tempId,
    conversation_id: pending.conversationId,
    direction: "outbound",
    type: file ? mediaType(file) : params.kind,
    body,
    timestamp: DateTime.now(),
    state: "queued",
    client_id: pending.clientId,
    author,
    reply_to: replyTo ? { id: replyTo.id, direction: replyTo.direction, type: replyTo.type, body: replyTo.body } : null,
    media: file ? {
      state: "pending",
      mime_type: file.type || null,
      filename: file.name,
      voice: false,
      caption: params.kind === "media" ? params.caption ?? null : null,
      url: null,
      error: null
    } : null,
    reactions: [],
    error: null,
    retry_at: null
  };
}
function mediaType(file) {
  const family = file.type.split("/")[0];
  if (file.type === "image/webp") {
    return "sticker";
  }
  return family === "image" || family === "video" || family === "audio" ? family : "document";
}

// static_src/services/inbox_sender.ts
var InboxSender = class {
  constructor(api, state, author, hooks) {
    this.api = api;
    this.state = state;
    this.author = author;
    this.hooks = hooks;
    this.pending = new PendingSends();
    this.retrying = /* @__PURE__ */ new Map();
    this.reacting = /* @__PURE__ */ new Map();
  }
  sendText(conversationId, body, replyToId = null) {
    const text2 = body.trim();
    if (!text2) {
      return Promise.resolve();
    }
    const params = { kind: "text", body: text2, replyToId };
    const twin = this.pending.findInFlight(conversationId, params);
    if (twin?.inFlight) {
      return twin.inFlight;
    }
    this.state.drafts[conversationId] = "";
    return this.start(this.pending.create(conversationId, params), replyToId);
  }
  sendFile(conversationId, file, caption = "", replyToId = null) {
    const params = { kind: "media", attachmentId: 0, caption: caption.trim() || null, replyToId };
    return this.start(this.pending.create(conversationId, params, file), replyToId);
  }
  start(pending, replyToId) {
    const thread = this.state.threads[pending.conversationId];
    if (thread) {
      const replyTo = replyToId ? thread.messages.find((m) => m.id === replyToId) : void 0;
      thread.messages = [...thread.messages, optimisticMessage(pending, this.author, replyTo, pending.file)];
      if (thread.hasNewer) {
        void this.hooks.loadNewest(pending.conversationId);
      }
    }
    return this.deliver(pending);
  }
  /** Sends (or sends again) a pending send with its one client id. */
  deliver(pending) {
    const run = async () => {
      const conversationId = pending.conversationId;
      try {
        if (pending.file && pending.params.kind === "media" && !pending.params.attachmentId) {
          const uploaded = await this.api.uploadFile(conversationId, pending.file);
          pending.params = { ...pending.params, attachmentId: uploaded.id };
        }
        const message = await this.api.send(conversationId, pending.clientId, pending.params);
        this.pending.done(pending);
        putMessage(this.state, conversationId, pending.tempId, message);
        this.state.refusals[conversationId] = void 0;
        this.hooks.sent(message);
      } catch (error) {
        const text2 = plainError(error);
        this.state.refusals[conversationId] = { conversationId, clientId: pending.clientId, message: text2 };
        updateMessage(this.state, conversationId, pending.tempId, (m) => ({
          ...m,
          state: "failed",
          error: {
            kind: "internal",
            code: null,
            title: null,
            explanation: text2,
            fix: _t("Retry when you are ready: the message will not be sent twice."),
            details: null,
            uncertain: false
          }
        }));
      }
    };
    pending.inFlight = run().finally(() => {
      pending.inFlight = null;
    });
    return pending.inFlight;
  }
  retry(messageId) {
    if (messageId < 0) {
      const pending = this.pending.byTempId(messageId);
      if (!pending) {
        return Promise.resolve();
      }
      if (pending.inFlight) {
        return pending.inFlight;
      }
      updateMessage(this.state, pending.conversationId, messageId, (m) => ({ ...m, state: "queued", error: null }));
      return this.deliver(pending);
    }
    const running = this.retrying.get(messageId);
    if (running) {
      return running;
    }
    const conversationId = Object.values(this.state.threads).find((t) => t.messages.some((m) => m.id === messageId))?.conversationId;
    if (conversationId === void 0) {
      return Promise.resolve();
    }
    const before = updateMessage(this.state, conversationId, messageId, (m) => ({ ...m, state: "queued", error: null }));
    const done = this.api.retry(messageId).then((message) => {
      putMessage(this.state, conversationId, messageId, message);
      this.state.refusals[conversationId] = void 0;
    }).catch((error) => {
      if (before) {
        updateMessage(this.state, conversationId, messageId, () => before);
      }
      this.state.refusals[conversationId] = { conversationId, clientId: before?.client_id ?? "", message: plainError(error) };
    }).finally(() => this.retrying.delete(messageId));
    this.retrying.set(messageId, done);
    return done;
  }
  react(conversationId, messageId, emoji2) {
    const running = this.reacting.get(messageId);
    if (running && running.emoji === emoji2) {
      return running.done;
    }
    const before = updateMessage(this.state, conversationId, messageId, (m) => ({
      ...m,
      reactions: [...m.reactions.filter((r) => r.direction !== "outbound"), ...emoji2 ? [{ emoji: emoji2, direction: "outbound" }] : []]
    }));
    const clientId = newClientId();
    const done = this.api.send(conversationId, clientId, { kind: "reaction", messageId, emoji: emoji2 }).then(() => {
      this.state.refusals[conversationId] = void 0;
    }).catch((error) => {
      if (before) {
        updateMessage(this.state, conversationId, messageId, (m) => ({ ...m, reactions: before.reactions }));
      }
      this.state.refusals[conversationId] = { conversationId, clientId, message: plainError(error) };
    }).finally(() => {
      if (this.reacting.get(messageId)?.done === done) {
        this.reacting.delete(messageId);
      }
    });
    this.reacting.set(messageId, { emoji: emoji2, done });
    return done;
  }
};

// static_src/services/inbox_store.ts
var TYPING_INTERVAL_MS = 2e4;
var WhatsAppInboxStore = class {
  constructor(api, bus, options) {
    this.api = api;
    /** A newer list request makes older answers stale (filters changed while one was loading). */
    this.listGeneration = 0;
    this.cursor = null;
    this.searchTimer = null;
    this.lastTyping = /* @__PURE__ */ new Map();
    this.markingRead = /* @__PURE__ */ new Map();
    this.userId = options.userId;
    this.clock = options.clock ?? browserClock;
    this.searchDelayMs = options.searchDelayMs ?? 300;
    this.listPageSize = options.listPageSize ?? 40;
    this.threadPageSize = options.threadPageSize ?? 40;
    this.isVisible = options.isVisible ?? (() => document.visibilityState === "visible");
    this.state = reactive({
      list: { filter: "all", accountId: null, search: "", ids: [], hasMore: false, loading: false, error: null },
      conversations: {},
      threads: {},
      drafts: {},
      refusals: {},
      activeConversationId: null,
      notice: null
    });
    this.sender = new InboxSender(api, this.state, { id: options.userId, name: options.userName }, {
      loadNewest: (conversationId) => this.loadNewest(conversationId),
      sent: (message) => this.showLastMessage(message)
    });
    this.bus = new BusCoalescer(bus, this.clock, options.busDelayMs ?? 100, {
      wantsMessages: (conversationId) => conversationId in this.state.threads,
      flush: (batch) => void this.applyBusBatch(batch),
      read: (conversationId, lastRead, unread) => this.applyRead(conversationId, lastRead, unread)
    });
  }
  destroy() {
    this.bus.destroy();
    this.cancelSearchTimer();
  }
  // ------------------------------------------------------------ the list
  async loadList(options = {}) {
    const list = this.state.list;
    if (options.filter !== void 0) {
      list.filter = options.filter;
    }
    if (options.accountId !== void 0) {
      list.accountId = options.accountId;
    }
    if (options.search !== void 0) {
      list.search = options.search;
    }
    this.cancelSearchTimer();
    const generation = ++this.listGeneration;
    list.loading = true;
    list.error = null;
    try {
      const page = await this.api.conversations({
        filter: list.filter,
        accountId: list.accountId,
        search: list.search.trim(),
        limit: this.listPageSize
      });
      if (generation !== this.listGeneration) {
        return;
      }
      page.conversations.forEach((c) => this.putConversation(c));
      list.ids = page.conversations.map((c) => c.id);
      this.cursor = page.next_cursor;
      list.hasMore = page.next_cursor !== null;
    } catch (error) {
      if (generation === this.listGeneration) {
        list.error = plainError(error);
      }
    } finally {
      if (generation === this.listGeneration) {
        list.loading = false;
      }
    }
  }
  /** The search box: the server is asked once the user pauses typing. */
  setSearch(search) {
    this.state.list.search = search;
    this.cancelSearchTimer();
    this.searchTimer = this.clock.setTimeout(() => {
      this.searchTimer = null;
      void this.loadList();
    }, this.searchDelayMs);
  }
  async loadMoreConversations() {
    const list = this.state.list;
    if (!list.hasMore || list.loading || !this.cursor) {
      return;
    }
    const generation = this.listGeneration;
    list.loading = true;
    try {
      const page = await this.api.conversations({
        filter: list.filter,
        accountId: list.accountId,
        search: list.search.trim(),
        cursor: this.cursor,
        limit: this.listPageSize
      });
      if (generation !== this.listGeneration) {
        return;
      }
      page.conversations.forEach((c) => this.putConversation(c));
      list.ids = [...list.ids, ...page.conversations.map((c) => c.id).filter((id) => !list.ids.includes(id))];
      this.cursor = page.next_cursor;
      list.hasMore = page.next_cursor !== null;
    } catch (error) {
      if (generation === this.listGeneration) {
        list.error = plainError(error);
      }
    } finally {
      if (generation === this.listGeneration) {
        list.loading = false;
      }
    }
  }
  cancelSearchTimer() {
    if (this.searchTimer !== null) {
      this.clock.clearTimeout(this.searchTimer);
      this.searchTimer = null;
    }
  }
  putConversation(conversation) {
    this.state.conversations[conversation.id] = conversation;
  }
  /** Fetches given rows again (the server applies the user's rules) and moves them in the list. */
  async refreshConversations(ids) {
    const page = await this.api.conversationsByIds(ids);
    const returned = new Set(page.conversations.map((c) => c.id));
    for (const conversation of page.conversations) {
      this.putConversation(conversation);
      this.placeConversation(conversation);
    }
    const gone = ids.filter((id) => !returned.has(id));
    if (gone.length) {
      this.state.list.ids = this.state.list.ids.filter((id) => !gone.includes(id));
    }
  }
  placeConversation(conversation) {
    const { list, conversations, activeConversationId } = this.state;
    list.ids = placeInList(list, conversations, conversation, this.userId, activeConversationId);
  }
  // ------------------------------------------------------------ threads
  async openConversation(conversationId) {
    this.state.activeConversationId = conversationId;
    const known = conversationId in this.state.conversations;
    const thread = this.state.threads[conversationId];
    await Promise.all([
      !thread || thread.error ? this.loadNewest(conversationId) : Promise.resolve(),
      // Opened from elsewhere (a link, a notification): its row is fetched for the header.
      known ? Promise.resolve() : this.refreshConversations([conversationId]).catch(() => void 0)
    ]);
    if (this.state.activeConversationId === conversationId) {
      await this.markRead(conversationId);
    }
  }
  closeConversation() {
    this.state.activeConversationId = null;
  }
  /** Replaces the thread's window with its newest page (the optimistic sends stay below). */
  async loadNewest(conversationId) {
    const thread = this.ensureThread(conversationId);
    thread.loading = "initial";
    thread.error = null;
    try {
      const page = await this.api.messages(conversationId, {}, this.threadPageSize);
      this.applyWindow(thread, page);
    } catch (error) {
      thread.error = plainError(error);
    } finally {
      thread.loading = null;
    }
  }
  ensureThread(conversationId) {
    if (!this.state.threads[conversationId]) {
      this.state.threads[conversationId] = {
        conversationId,
        messages: [],
        hasOlder: false,
        hasNewer: false,
        loading: null,
        lastReadMessageId: 0,
        focusMessageId: null,
        error: null
      };
    }
    return this.state.threads[conversationId];
  }
  applyWindow(thread, page) {
    const local = thread.messages.filter((m) => m.id < 0);
    thread.messages = [...page.messages, ...local];
    thread.hasOlder = page.has_older ?? false;
    thread.hasNewer = page.has_newer ?? false;
    thread.lastReadMessageId = Math.max(thread.lastReadMessageId, page.last_read_message_id);
  }
  async loadOlder(conversationId) {
    const thread = this.state.threads[conversationId];
    const first = thread?.messages.find((m) => m.id > 0);
    if (!thread || !thread.hasOlder || thread.loading || !first) {
      return;
    }
    thread.loading = "older";
    try {
      const page = await this.api.messages(conversationId, { before: first.id }, this.threadPageSize);
      thread.messages = prependPage(thread.messages, page.messages);
      thread.hasOlder = page.has_older ?? false;
    } catch (error) {
      thread.error = plainError(error);
    } finally {
      thread.loading = null;
    }
  }
  async loadNewer(conversationId) {
    const thread = this.state.threads[conversationId];
    const saved = thread?.messages.filter((m) => m.id > 0) ?? [];
    const last = saved[saved.length - 1];
    if (!thread || !thread.hasNewer || thread.loading || !last) {
      return;
    }
    thread.loading = "newer";
    try {
      const page = await this.api.messages(conversationId, { after: last.id }, this.threadPageSize);
      thread.messages = appendPage(thread.messages, page.messages);
      thread.hasNewer = page.has_newer ?? false;
    } catch (error) {
      thread.error = plainError(error);
    } finally {
      thread.loading = null;
    }
    if (!thread.hasNewer && this.state.activeConversationId === conversationId) {
      await this.markRead(conversationId);
    }
  }
  async jumpToMessage(conversationId, messageId) {
    const thread = this.ensureThread(conversationId);
    if (!thread.messages.some((m) => m.id === messageId)) {
      thread.loading = "around";
      thread.error = null;
      try {
        const page = await this.api.messages(conversationId, { around: messageId }, this.threadPageSize);
        this.applyWindow(thread, page);
      } catch (error) {
        thread.error = plainError(error);
        return;
      } finally {
        thread.loading = null;
      }
    }
    thread.focusMessageId = messageId;
  }
  // ------------------------------------------------------------ reading
  /** Marks the conversation read when something inbound past the user's marker is loaded or counted. */
  markRead(conversationId) {
    const running = this.markingRead.get(conversationId);
    if (running) {
      return running;
    }
    const thread = this.state.threads[conversationId];
    const unread = this.state.conversations[conversationId]?.unread_count ?? 0;
    const newestInbound = [...thread?.messages ?? []].reverse().find((m) => m.id > 0 && m.direction === "inbound");
    const behind = newestInbound !== void 0 && newestInbound.id > (thread?.lastReadMessageId ?? 0);
    if (!unread && !behind) {
      return Promise.resolve();
    }
    const done = this.api.markRead(conversationId).then((read) => this.applyRead(read.conversation_id, read.last_read_message_id, read.unread_count)).catch(() => void 0).finally(() => this.markingRead.delete(conversationId));
    this.markingRead.set(conversationId, done);
    return done;
  }
  applyRead(conversationId, lastReadMessageId, unreadCount) {
    const conversation = this.state.conversations[conversationId];
    if (conversation) {
      conversation.unread_count = unreadCount;
      this.placeConversation(conversation);
    }
    const thread = this.state.threads[conversationId];
    if (thread) {
      thread.lastReadMessageId = Math.max(thread.lastReadMessageId, lastReadMessageId);
    }
  }
  /** The page became visible again: what arrived meanwhile in the open conversation is now read. */
  onVisible() {
    const active = this.state.activeConversationId;
    return active === null ? Promise.resolve() : this.markRead(active);
  }
  // ------------------------------------------------------------ sending
  sendText(conversationId, body, replyToId = null) {
    return this.sender.sendText(conversationId, body, replyToId);
  }
  sendFile(conversationId, file, caption = "", replyToId = null) {
    return this.sender.sendFile(conversationId, file, caption, replyToId);
  }
  retry(messageId) {
    return this.sender.retry(messageId);
  }
  acceptSent(message) {
    const thread = this.state.threads[message.conversation_id];
    if (thread) {
      thread.messages = mergeMessages(thread.messages, [message], thread);
    }
    void this.refreshConversations([message.conversation_id]).catch(() => void 0);
  }
  react(conversationId, messageId, emoji2) {
    return this.sender.react(conversationId, messageId, emoji2);
  }
  /** The list's preview follows the user's own send at once; the bus refresh confirms it. */
  showLastMessage(message) {
    const conversation = this.state.conversations[message.conversation_id];
    if (!conversation || message.type === "reaction") {
      return;
    }
    conversation.last_message = {
      id: message.id,
      direction: message.direction,
      type: message.type,
      preview: message.body || message.media?.filename || "",
      state: message.state,
      timestamp: message.timestamp
    };
    conversation.last_message_at = message.timestamp;
    this.placeConversation(conversation);
  }
  typing(conversationId) {
    const now = this.clock.now();
    const last = this.lastTyping.get(conversationId);
    if (last !== void 0 && now - last < TYPING_INTERVAL_MS) {
      return;
    }
    this.lastTyping.set(conversationId, now);
    void this.api.typing(conversationId).catch(() => void 0);
  }
  setDraft(conversationId, text2) {
    this.state.drafts[conversationId] = text2;
  }
  // ------------------------------------------------------------ assignment
  claim(conversationId) {
    return this.assignment(conversationId, "claim");
  }
  release(conversationId) {
    return this.assignment(conversationId, "release");
  }
  assign(conversationId, userId) {
    return this.assignment(conversationId, "assign", userId);
  }
  async colleagues(conversationId) {
    try {
      return await this.api.colleagues(conversationId);
    } catch (error) {
      this.state.notice = plainError(error);
      return [];
    }
  }
  async assignment(conversationId, action, userId) {
    try {
      const conversation = await this.api.assign(conversationId, action, userId);
      this.state.notice = null;
      this.putConversation(conversation);
      this.placeConversation(conversation);
    } catch (error) {
      this.state.notice = plainError(error);
    }
  }
  dismissNotice() {
    this.state.notice = null;
  }
  // ------------------------------------------------------------ the bus
  /** Fetches what the bus named: one call for the rows, one per loaded thread. */
  async applyBusBatch(batch) {
    const work = [];
    if (batch.conversations.size) {
      work.push(this.refreshConversations([...batch.conversations]));
    }
    for (const [conversationId, ids] of batch.messages) {
      work.push(this.refreshMessages(conversationId, [...ids]));
    }
    await Promise.all(work.map((w) => w.catch(() => void 0)));
    const active = this.state.activeConversationId;
    if (active !== null && batch.inbound.has(active) && !this.state.threads[active]?.hasNewer && this.isVisible()) {
      await this.markRead(active);
    }
  }
  async refreshMessages(conversationId, ids) {
    const page = await this.api.messagesByIds(conversationId, ids);
    const thread = this.state.threads[conversationId];
    if (thread) {
      thread.messages = mergeMessages(thread.messages, page.messages, thread);
    }
  }
};

// static_src/odoo/bus_port.ts
function odooBusPort(busService) {
  return {
    subscribe(type, callback) {
      const listener = (payload) => callback(payload);
      busService.subscribe(type, listener);
      return () => busService.unsubscribe(type, listener);
    }
  };
}

// static_src/odoo/upload.ts
function csrfToken() {
  return globalThis.odoo?.csrf_token ?? "";
}
var odooUpload = async (route, fields) => {
  const form = new FormData();
  form.append("csrf_token", csrfToken());
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") {
      form.append(name, value);
    } else {
      form.append(name, value, value instanceof File ? value.name : "file");
    }
  }
  const response = await fetch(route, { method: "POST", body: form, credentials: "same-origin" });
  let body = null;
  try {
    body = await response.json();
  } catch {
  }
  return { status: response.status, body };
};

// static_src/odoo/inbox_service.ts
var INBOX_SERVICE = "cusoft_whatsapp.inbox";
var inboxService = {
  dependencies: ["bus_service"],
  start(_env, { bus_service }) {
    const api = new ChatApi((route, params) => rpc2(route, params ?? {}, { silent: true }), odooUpload);
    const store = new WhatsAppInboxStore(api, odooBusPort(bus_service), { userId: user2.userId, userName: user2.name });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") {
        void store.onVisible();
      }
    });
    return store;
  }
};
function registerInboxService() {
  registry7.category("services").add(INBOX_SERVICE, inboxService);
}

// static_src/odoo/everywhere_services.ts
import { browser } from "@web/core/browser/browser";
import { rpc as rpc3 } from "@web/core/network/rpc";
import { registry as registry8 } from "@web/core/registry";
import { user as user3 } from "@web/core/user";

// static_src/domain/phone_match.ts
var MIN_DIGITS = 7;
function phoneDigits(value) {
  return value.replace(/\D/g, "");
}
function samePhone(a, b) {
  const x = phoneDigits(a);
  const y = phoneDigits(b);
  if (x.length < MIN_DIGITS || y.length < MIN_DIGITS) {
    return false;
  }
  return x.length >= y.length ? x.endsWith(y) : y.endsWith(x);
}

// static_src/api/everywhere_client.ts
var EverywhereApi = class {
  constructor(rpc6) {
    this.rpc = rpc6;
  }
  /** How many conversations need the user (stops at 100: "99+"). */
  async attentionCount() {
    return (await callRoute(this.rpc, "/cusoft_whatsapp/chat/counters")).attention;
  }
  async conversations(filter, limit) {
    return (await callRoute(this.rpc, "/cusoft_whatsapp/chat/conversations", { filter, limit })).conversations;
  }
  /** Given rows, with the user's access rules applied by the server (after a bus notification). */
  async conversationsByIds(ids) {
    return (await callRoute(this.rpc, "/cusoft_whatsapp/chat/conversations", { ids })).conversations;
  }
  /** A contact's conversations (its company's people included). */
  async partnerConversations(partnerId) {
    const page = await callRoute(this.rpc, "/cusoft_whatsapp/chat/conversations", { filter: "all", partner_id: partnerId, limit: 20 });
    return page.conversations;
  }
  /** Conversations whose number is `phone` (the phone field's WhatsApp button); the server searches by digits. */
  async phoneConversations(phone) {
    const search = phone.replace(/\D/g, "");
    if (search.length < 3) {
      return [];
    }
    const page = await callRoute(this.rpc, "/cusoft_whatsapp/chat/conversations", { filter: "all", search, limit: 20 });
    return page.conversations.filter((conversation) => conversation.phone !== null && samePhone(conversation.phone, phone));
  }
  /** A lead's conversations (CRM bridge): its origin, its contact's, its phone numbers'. */
  async leadConversations(leadId) {
    return (await callRoute(this.rpc, "/cusoft_whatsapp/crm/lead_conversations", { lead_id: leadId })).conversations;
  }
  /** Create contact: links the customer's existing contact or creates one; the conversation answers with it. */
  async createContact(conversationId) {
    return (await callRoute(this.rpc, "/cusoft_whatsapp/chat/create_contact", { conversation_id: conversationId })).conversation;
  }
  createLead(conversationId) {
    return callRoute(this.rpc, "/cusoft_whatsapp/crm/create_lead", { conversation_id: conversationId });
  }
};

// static_src/services/attention_store.ts
import { reactive as reactive2 } from "@odoo/owl";

// static_src/services/coalesced_refresh.ts
var nextMicrotask = (callback) => queueMicrotask(callback);
var CoalescedRefresh = class {
  constructor(bus, refresh, schedule = nextMicrotask, types = [BUS_MESSAGE, BUS_CONVERSATION, BUS_READ]) {
    this.refresh = refresh;
    this.schedule = schedule;
    this.scheduled = false;
    this.running = null;
    this.again = false;
    this.unsubscribes = types.map((type) => bus.subscribe(type, () => this.request()));
  }
  request() {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.scheduled) {
      return;
    }
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      void this.run();
    });
  }
  /** Resolves once no refresh is running or waiting (tests and callers that need the new state). */
  async settled() {
    while (this.running || this.scheduled) {
      await (this.running ?? Promise.resolve());
      await Promise.resolve();
    }
  }
  async run() {
    this.running = this.refresh().catch(() => void 0);
    await this.running;
    this.running = null;
    if (this.again) {
      this.again = false;
      this.request();
    }
  }
  destroy() {
    this.unsubscribes.forEach((unsubscribe) => unsubscribe());
  }
};

// static_src/services/plain_error.ts
function plainError2(error) {
  return error instanceof ApiError ? error.message : _t("Something went wrong. Try again.");
}

// static_src/services/attention_store.ts
var ATTENTION_LIST_SIZE = 20;
var AttentionStore = class {
  constructor(api, bus, schedule = nextMicrotask) {
    this.api = api;
    this.started = null;
    this.state = reactive2({ count: 0, conversations: [], loaded: false, error: null });
    this.refresher = new CoalescedRefresh(bus, () => this.fetch(), schedule);
  }
  /** First load, shared by every caller (the systray and the notifier may both ask). */
  start() {
    this.started ??= this.fetch();
    return this.started;
  }
  refresh() {
    this.refresher.request();
    return this.refresher.settled();
  }
  /** Resolves once the refreshes asked by bus notifications so far have landed. */
  settled() {
    return this.refresher.settled();
  }
  async fetch() {
    try {
      const [count2, conversations] = await Promise.all([
        this.api.attentionCount(),
        this.api.conversations("attention", ATTENTION_LIST_SIZE)
      ]);
      Object.assign(this.state, { count: count2, conversations, loaded: true, error: null });
    } catch (error) {
      this.state.error = plainError2(error);
    }
  }
  destroy() {
    this.refresher.destroy();
  }
};

// static_src/services/sidebar_store.ts
import { reactive as reactive3 } from "@odoo/owl";
var FOLD_KEY = "cusoft_whatsapp.discuss_sidebar_category_open";
var SIDEBAR_GROUP_SIZE = 30;
var SidebarStore = class {
  constructor(api, bus, storage, userId, schedule = nextMicrotask) {
    this.api = api;
    this.storage = storage;
    this.userId = userId;
    this.started = null;
    this.state = reactive3({
      open: storage.getItem(FOLD_KEY) !== "false",
      conversations: [],
      loaded: false,
      error: null
    });
    this.refresher = new CoalescedRefresh(bus, () => this.fetch(), schedule);
  }
  start() {
    this.started ??= this.fetch();
    return this.started;
  }
  /** Fetches again (after a conversation was read in this tab), coalesced with the bus's refreshes. */
  refresh() {
    this.refresher.request();
    return this.refresher.settled();
  }
  settled() {
    return this.refresher.settled();
  }
  toggle() {
    this.state.open = !this.state.open;
    this.storage.setItem(FOLD_KEY, String(this.state.open));
  }
  /** Like Discuss's chats category: how many conversations have unread messages. */
  get counter() {
    return this.state.conversations.filter((conversation) => conversation.unread_count > 0).length;
  }
  isMine(conversation) {
    return conversation.assignee?.id === this.userId;
  }
  async fetch() {
    try {
      const [mine, unassigned] = await Promise.all([
        this.api.conversations("mine", SIDEBAR_GROUP_SIZE),
        this.api.conversations("unassigned", SIDEBAR_GROUP_SIZE)
      ]);
      const seen = new Set(mine.map((conversation) => conversation.id));
      const rest = unassigned.filter((conversation) => !seen.has(conversation.id) && conversation.assignee === null);
      Object.assign(this.state, { conversations: [...mine, ...rest], loaded: true, error: null });
    } catch (error) {
      this.state.error = plainError2(error);
    }
  }
  destroy() {
    this.refresher.destroy();
  }
};

// static_src/odoo/everywhere_services.ts
var USER_GROUP = "cusoft_whatsapp.group_cusoft_whatsapp_user";
function everywhereApi() {
  return new EverywhereApi((route, params) => rpc3(route, params ?? {}, { silent: true }));
}
var everywhereService = {
  dependencies: ["bus_service"],
  async start(_env, { bus_service }) {
    if (!await user3.hasGroup(USER_GROUP)) {
      return null;
    }
    const api = everywhereApi();
    const bus = odooBusPort(bus_service);
    return {
      api,
      attention: new AttentionStore(api, bus),
      sidebar: new SidebarStore(api, bus, browser.localStorage, user3.userId)
    };
  }
};
var EVERYWHERE_SERVICE = "cusoft_whatsapp.everywhere";
function registerEverywhereServices() {
  registry8.category("services").add(EVERYWHERE_SERVICE, everywhereService);
}

// static_src/odoo/systray.ts
import { Component as Component11, useState as useState7 } from "@odoo/owl";
import { Dropdown } from "@web/core/dropdown/dropdown";
import { useDropdownState } from "@web/core/dropdown/dropdown_hooks";
import { registry as registry9 } from "@web/core/registry";
import { useService as useService3 } from "@web/core/utils/hooks";
import { useDiscussSystray } from "@mail/utils/common/hooks";

// static_src/components/attention_list/attention_list.ts
import { Component as Component10, useState as useState6 } from "@odoo/owl";

// static_src/domain/conversation_label.ts
function conversationHandle(conversation) {
  return conversation.phone ?? (conversation.username ? `@${conversation.username}` : "");
}
function initials(name) {
  return name.trim().split(/\s+/).slice(0, 2).map((word) => word.charAt(0).toUpperCase()).join("") || "?";
}
function windowOpen(conversation, now) {
  return Boolean(conversation.window_expires_at && conversation.window_expires_at > now);
}
function counterLabel(count2) {
  return count2 >= 100 ? "99+" : String(count2);
}

// static_src/components/attention_list/attention_list.ts
var AttentionList = class extends Component10 {
  static {
    this.template = "cusoft_whatsapp.AttentionList";
  }
  static {
    this.props = {
      store: Object,
      onOpen: Function,
      onOpenInbox: Function,
      now: { type: Function, optional: true }
    };
  }
  setup() {
    this.attention = useState6(this.props.store.state);
  }
  initials(conversation) {
    return initials(conversation.name);
  }
  handle(conversation) {
    return conversationHandle(conversation);
  }
  unread(conversation) {
    return conversation.unread_count ? counterLabel(conversation.unread_count) : "";
  }
  /** Today: the time; before: the date, as the messaging menu shows it. */
  when(conversation) {
    const at = conversation.last_message_at?.toLocal();
    if (!at) {
      return "";
    }
    const now = (this.props.now ?? DateTime.now)();
    return at.hasSame(now, "day") ? at.toLocaleString(DateTime.TIME_SIMPLE) : at.toLocaleString(DateTime.DATE_SHORT);
  }
};

// static_src/odoo/open_conversation.ts
import { useService as useService2 } from "@web/core/utils/hooks";

// static_src/odoo/discuss_state.ts
import { reactive as reactive4 } from "@odoo/owl";
var ACTIVE_ID_PREFIX = "cusoft_whatsapp.conversation_";
var discussWhatsApp = reactive4({ conversationId: null, show: null });
function activeIdOf(conversationId) {
  return `${ACTIVE_ID_PREFIX}${conversationId}`;
}
function conversationIdOf(activeId) {
  if (typeof activeId !== "string" || !activeId.startsWith(ACTIVE_ID_PREFIX)) {
    return null;
  }
  const id = Number(activeId.slice(ACTIVE_ID_PREFIX.length));
  return Number.isInteger(id) && id > 0 ? id : null;
}

// static_src/odoo/open_conversation.ts
var INBOX_ACTION_TAG = "cusoft_whatsapp.inbox";
function openInInbox(action, conversationId) {
  return action.doAction({
    type: "ir.actions.client",
    tag: INBOX_ACTION_TAG,
    params: conversationId ? { conversation_id: conversationId } : {}
  });
}
function openConversation(action, isSmall, conversationId) {
  if (isSmall) {
    return openInInbox(action, conversationId);
  }
  if (discussWhatsApp.show) {
    discussWhatsApp.show(conversationId);
    return Promise.resolve();
  }
  return action.doAction("mail.action_discuss", { additionalContext: { active_id: activeIdOf(conversationId) } });
}
function useOpenConversation() {
  const action = useService2("action");
  const ui = useService2("ui");
  return (conversationId) => openConversation(action, ui.isSmall, conversationId);
}

// static_src/odoo/systray.ts
var WhatsAppSystray = class extends Component11 {
  static {
    this.template = "cusoft_whatsapp.Systray";
  }
  static {
    this.components = { Dropdown, AttentionList };
  }
  static {
    this.props = {};
  }
  setup() {
    this.services = useService3(EVERYWHERE_SERVICE);
    this.attention = this.services ? useState7(this.services.attention.state) : null;
    this.dropdown = useDropdownState();
    this.discussSystray = useDiscussSystray();
    this.openConversation = useOpenConversation();
    this.action = useService3("action");
    void this.services?.attention.start();
  }
  get counter() {
    return this.attention?.count ? counterLabel(this.attention.count) : "";
  }
  beforeOpen() {
    return this.services?.attention.refresh();
  }
  open(conversationId) {
    this.dropdown.close();
    void this.openConversation(conversationId);
  }
  openInbox() {
    this.dropdown.close();
    void openInInbox(this.action, null);
  }
};
function registerSystray() {
  registry9.category("systray").add("cusoft_whatsapp.attention", { Component: WhatsAppSystray }, { sequence: 24 });
}

// static_src/odoo/customer_notifications.ts
import { registry as registry10 } from "@web/core/registry";
import { user as user4 } from "@web/core/user";

// static_src/services/customer_notifier.ts
var CustomerNotifier = class {
  constructor(api, bus, alerts, userId, open) {
    this.api = api;
    this.alerts = alerts;
    this.userId = userId;
    this.open = open;
    /** A message is announced once, even when its state is sent again (media downloaded). */
    this.announced = /* @__PURE__ */ new Set();
    this.pending = Promise.resolve();
    this.unsubscribe = bus.subscribe(BUS_MESSAGE, (payload) => this.onMessage(payload));
  }
  /** Resolves once the notifications received so far are handled (tests). */
  settled() {
    return this.pending;
  }
  onMessage(payload) {
    const parsed = messageNotificationSchema.safeParse(payload);
    if (!parsed.success) {
      return;
    }
    const { conversation_id: conversationId, message_id: messageId, direction, state } = parsed.data;
    const forMe = parsed.data.alert_user_ids?.includes(this.userId) ?? true;
    if (!forMe || direction !== "inbound" || state !== "received" || this.announced.has(messageId)) {
      return;
    }
    this.announced.add(messageId);
    this.pending = this.pending.then(() => this.announce(conversationId)).catch(() => void 0);
  }
  async announce(conversationId) {
    const focused = this.alerts.isFocused();
    if (focused && this.alerts.visibleConversationId() === conversationId) {
      return;
    }
    const [conversation] = await this.api.conversationsByIds([conversationId]);
    if (!conversation || conversation.assignee && conversation.assignee.id !== this.userId) {
      return;
    }
    if (focused) {
      this.alerts.sound();
    } else {
      this.alerts.notify(conversation, () => this.open(conversationId));
    }
  }
  destroy() {
    this.unsubscribe();
  }
};

// static_src/odoo/customer_notifications.ts
function odooAlerts(services) {
  return {
    isFocused: () => services.presence.isOdooFocused(),
    visibleConversationId() {
      if (document.visibilityState !== "visible") {
        return null;
      }
      return services[INBOX_SERVICE].state.activeConversationId ?? discussWhatsApp.conversationId;
    },
    sound: () => services["mail.sound_effects"].play("new-message"),
    notify(conversation, onClick) {
      const handle = conversationHandle(conversation);
      services["mail.out_of_focus"].sendNotification({
        title: handle && handle !== conversation.name ? `${conversation.name} (${handle})` : conversation.name,
        message: conversation.last_message?.preview ?? "",
        type: "info",
        sound: true,
        icon: conversation.avatar_url ?? "/cusoft_whatsapp/static/description/icon.png"
      });
      void onClick;
    }
  };
}
var customerNotificationsService = {
  dependencies: ["bus_service", "presence", "mail.out_of_focus", "mail.sound_effects", "action", "ui", EVERYWHERE_SERVICE, INBOX_SERVICE],
  start(_env, services) {
    if (!services[EVERYWHERE_SERVICE]) {
      return null;
    }
    const open = (conversationId) => void openConversation(services.action, services.ui.isSmall, conversationId);
    return new CustomerNotifier(services[EVERYWHERE_SERVICE].api, odooBusPort(services.bus_service), odooAlerts(services), user4.userId, open);
  }
};
function registerCustomerNotifications() {
  registry10.category("services").add("cusoft_whatsapp.customer_notifications", customerNotificationsService);
}

// static_src/odoo/discuss_sidebar.ts
import { Component as Component13, useState as useState9 } from "@odoo/owl";
import { registry as registry11 } from "@web/core/registry";
import { useService as useService4 } from "@web/core/utils/hooks";

// static_src/components/sidebar_category/sidebar_category.ts
import { Component as Component12, useState as useState8 } from "@odoo/owl";
var SidebarCategory = class extends Component12 {
  static {
    this.template = "cusoft_whatsapp.SidebarCategory";
  }
  static {
    this.props = {
      store: Object,
      compact: Boolean,
      activeConversationId: { type: Number, optional: true },
      onOpen: Function,
      now: { type: Function, optional: true }
    };
  }
  setup() {
    this.sidebar = useState8(this.props.store.state);
    void this.props.store.start();
  }
  get counter() {
    const counter = this.props.store.counter;
    return counter ? counterLabel(counter) : "";
  }
  /** Folded, the category still shows the open conversation, as Discuss does. */
  get visibleConversations() {
    const all = this.sidebar.conversations;
    return this.sidebar.open ? all : all.filter((conversation) => conversation.id === this.props.activeConversationId);
  }
  get toggleLabel() {
    return this.sidebar.open ? _t("Fold WhatsApp conversations") : _t("Unfold WhatsApp conversations");
  }
  isMine(conversation) {
    return this.props.store.isMine(conversation);
  }
  /** The first unassigned row gets a separator from my conversations. */
  startsUnassigned(conversation, index) {
    const previous = this.visibleConversations[index - 1];
    return !this.isMine(conversation) && (index === 0 || Boolean(previous && this.isMine(previous)));
  }
  handle(conversation) {
    return conversationHandle(conversation);
  }
  initials(conversation) {
    return initials(conversation.name);
  }
  unread(conversation) {
    return conversation.unread_count ? counterLabel(conversation.unread_count) : "";
  }
  windowOpen(conversation) {
    return windowOpen(conversation, (this.props.now ?? DateTime.now)());
  }
  windowTitle(conversation) {
    return this.windowOpen(conversation) ? _t("Reply window open: free messages allowed") : _t("Reply window closed: templates only");
  }
  toggle() {
    this.props.store.toggle();
  }
};

// static_src/odoo/discuss_sidebar.ts
var DiscussSidebarWhatsApp = class extends Component13 {
  static {
    this.template = "cusoft_whatsapp.DiscussSidebarWhatsApp";
  }
  static {
    this.components = { SidebarCategory };
  }
  static {
    this.props = {};
  }
  setup() {
    this.services = useService4(EVERYWHERE_SERVICE);
    this.mailStore = useState9(useService4("mail.store"));
    this.discussState = useState9(discussWhatsApp);
    this.action = useService4("action");
  }
  get activeConversationId() {
    return !this.mailStore.discuss.thread && this.discussState.conversationId || void 0;
  }
  open(conversationId) {
    if (this.discussState.show) {
      this.discussState.show(conversationId);
    } else {
      void openInInbox(this.action, conversationId);
    }
  }
};
function registerDiscussSidebar() {
  registry11.category("mail.discuss_sidebar_items").add("cusoft_whatsapp", DiscussSidebarWhatsApp, { sequence: 40 });
}

// static_src/odoo/discuss_main_area.ts
import { Component as Component30, onMounted as onMounted6, onWillStart as onWillStart6, onWillUnmount as onWillUnmount6, onWillUpdateProps as onWillUpdateProps4, useState as useState18 } from "@odoo/owl";
import { DiscussClientAction } from "@mail/core/public_web/discuss_client_action";
import { Discuss } from "@mail/core/public_web/discuss";
import { router } from "@web/core/browser/router";
import { patch } from "@web/core/utils/patch";
import { useService as useService7 } from "@web/core/utils/hooks";

// static_src/components/thread_pane/thread_pane.ts
import { Component as Component26, onMounted as onMounted4, onWillRender as onWillRender2, onWillStart as onWillStart4, onWillUnmount as onWillUnmount4, onWillUpdateProps as onWillUpdateProps3, reactive as reactive5, useRef as useRef5, useState as useState15 } from "@odoo/owl";

// static_src/domain/service_window.ts
function pad(value) {
  return String(value).padStart(2, "0");
}
function serviceWindow(expiresAt, now) {
  const left = expiresAt ? Math.floor(expiresAt.diff(now).as("seconds")) : 0;
  if (left <= 0) {
    return {
      open: false,
      label: expiresAt ? _t("Window closed") : _t("No open window"),
      closingSoon: false
    };
  }
  const hours = Math.floor(left / 3600);
  const minutes = Math.floor(left % 3600 / 60);
  const seconds = left % 60;
  return {
    open: true,
    label: _t("%s left to reply", `${hours}:${pad(minutes)}:${pad(seconds)}`),
    closingSoon: left < 3600
  };
}

// static_src/components/composer/composer.ts
import { Component as Component14, markRaw as markRaw2, onWillUpdateProps, useRef as useRef3, useState as useState10 } from "@odoo/owl";

// static_src/domain/media_limits.ts
var MB = 1024 * 1024;
var OUTBOUND = {
  "image/jpeg": ["image", 5 * MB],
  "image/png": ["image", 5 * MB],
  "image/webp": ["sticker", 500 * 1024],
  "video/mp4": ["video", 16 * MB],
  "video/3gpp": ["video", 16 * MB],
  "audio/aac": ["audio", 16 * MB],
  "audio/amr": ["audio", 16 * MB],
  "audio/mpeg": ["audio", 16 * MB],
  "audio/mp4": ["audio", 16 * MB],
  "audio/ogg": ["audio", 16 * MB],
  "text/plain": ["document", 100 * MB],
  "application/pdf": ["document", 100 * MB],
  "application/msword": ["document", 100 * MB],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["document", 100 * MB],
  "application/vnd.ms-excel": ["document", 100 * MB],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["document", 100 * MB],
  "application/vnd.ms-powerpoint": ["document", 100 * MB],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["document", 100 * MB]
};
var CAPTIONED = ["image", "video", "document"];
var CAPTION_LIMIT = 1024;
function formatSize(bytes) {
  if (bytes >= MB) {
    return `${Math.round(bytes / MB * 10) / 10} MB`;
  }
  if (bytes >= 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${bytes} B`;
}
function checkMedia(file) {
  const mime = file.type.split(";")[0].trim().toLowerCase();
  const entry = OUTBOUND[mime];
  if (!entry) {
    return {
      ok: false,
      error: _t(
        "WhatsApp does not accept %s. Send a picture (JPEG, PNG), a video (MP4, 3GP), an audio file (AAC, AMR, MP3, M4A, OGG), a sticker (WebP) or a document (PDF, Word, Excel, PowerPoint, text).",
        file.name
      )
    };
  }
  const [kind, limit] = entry;
  if (file.size > limit) {
    return {
      ok: false,
      error: _t("%s is too large for WhatsApp (%s): at most %s for this kind of file.", file.name, formatSize(file.size), formatSize(limit))
    };
  }
  if (file.size === 0) {
    return { ok: false, error: _t("%s is empty.", file.name) };
  }
  return { ok: true, kind };
}

// static_src/components/composer/composer.ts
var TEXT_LIMIT = 4096;
var COUNTER_FROM = TEXT_LIMIT - 296;
var Composer = class extends Component14 {
  constructor() {
    super(...arguments);
    this.limit = TEXT_LIMIT;
    this.captionLimit = CAPTION_LIMIT;
  }
  static {
    this.template = "cusoft_whatsapp.Composer";
  }
  static {
    this.props = {
      store: Object,
      conversationId: Number,
      serviceWindow: Object,
      integrations: Object,
      replyTo: { type: [Object, { value: null }] },
      onCancelReply: Function
    };
  }
  setup() {
    this.storeState = useState10(this.props.store.state);
    this.win = useState10(this.props.serviceWindow);
    this.ui = useState10({ busy: false, sendError: "", fileError: "", pending: null, dragging: false });
    this.textarea = useRef3("textarea");
    this.fileInput = useRef3("fileInput");
    onWillUpdateProps((next) => {
      if (next.conversationId !== this.props.conversationId) {
        this.ui.pending = null;
        this.ui.fileError = "";
      }
    });
  }
  get draft() {
    return this.storeState.drafts[this.props.conversationId] ?? "";
  }
  get refusal() {
    return this.storeState.refusals[this.props.conversationId]?.message ?? "";
  }
  get showCounter() {
    return this.draft.length >= COUNTER_FROM;
  }
  get tooLong() {
    return this.draft.length > TEXT_LIMIT;
  }
  get canSend() {
    if (!this.win.open || this.ui.busy) {
      return false;
    }
    if (this.ui.pending) {
      return this.ui.pending.caption.length <= CAPTION_LIMIT;
    }
    return this.draft.trim().length > 0 && !this.tooLong;
  }
  get pendingLabel() {
    const pending = this.ui.pending;
    return pending ? `${pending.file.name} (${formatSize(pending.file.size)})` : "";
  }
  get pendingTakesCaption() {
    return Boolean(this.ui.pending && CAPTIONED.includes(this.ui.pending.kind));
  }
  get replyLabel() {
    return this.props.replyTo?.direction === "inbound" ? _t("Replying to the customer") : _t("Replying to your message");
  }
  onInput(ev) {
    const value = ev.target.value;
    this.props.store.setDraft(this.props.conversationId, value);
    if (value.trim()) {
      this.props.store.typing(this.props.conversationId);
    }
  }
  onKeydown(ev) {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      void this.send();
    } else if (ev.key === "Escape" && (this.props.replyTo || this.ui.pending)) {
      ev.preventDefault();
      this.ui.pending = null;
      this.props.onCancelReply();
    }
  }
  async send() {
    if (!this.canSend) {
      return;
    }
    const conversationId = this.props.conversationId;
    const replyToId = this.props.replyTo?.id ?? null;
    const pending = this.ui.pending;
    this.ui.busy = true;
    this.props.onCancelReply();
    try {
      if (pending) {
        await this.sendPending(conversationId, pending, replyToId);
      } else {
        await this.sendDraft(conversationId, replyToId);
      }
      this.ui.sendError = "";
    } catch {
      this.ui.sendError = _t("Odoo did not answer, so nothing was sent. What you wrote is kept: try again.");
    } finally {
      this.ui.busy = false;
    }
    this.textarea.el?.focus();
  }
  async sendDraft(conversationId, replyToId) {
    const body = this.draft.trim();
    this.props.store.setDraft(conversationId, "");
    try {
      await this.props.store.sendText(conversationId, body, replyToId);
    } catch (error) {
      if (!this.storeState.drafts[conversationId]) {
        this.props.store.setDraft(conversationId, body);
      }
      throw error;
    }
  }
  async sendPending(conversationId, pending, replyToId) {
    this.ui.pending = null;
    try {
      await this.props.store.sendFile(conversationId, pending.file, pending.caption.trim() || void 0, replyToId);
    } catch (error) {
      if (!this.ui.pending && this.props.conversationId === conversationId) {
        this.ui.pending = pending;
      }
      throw error;
    }
  }
  pickEmoji(ev) {
    this.props.integrations.pickEmoji?.(ev.currentTarget, (emoji2) => this.insert(emoji2));
  }
  insert(text2) {
    const el = this.textarea.el;
    const draft = this.draft;
    const start = el?.selectionStart ?? draft.length;
    const end = el?.selectionEnd ?? draft.length;
    this.props.store.setDraft(this.props.conversationId, draft.slice(0, start) + text2 + draft.slice(end));
    if (el) {
      el.focus();
      const caret = start + text2.length;
      requestAnimationFrame(() => el.setSelectionRange(caret, caret));
    }
  }
  openTemplates() {
    this.props.integrations.openTemplatePicker?.(this.props.conversationId);
  }
  // ---- attachments: picked, pasted or dropped, checked before any upload
  chooseFile() {
    this.fileInput.el?.click();
  }
  onFileChosen(ev) {
    const input = ev.target;
    const file = input.files?.[0];
    input.value = "";
    if (file) {
      this.takeFile(file);
    }
  }
  onPaste(ev) {
    const file = ev.clipboardData?.files[0];
    if (file) {
      ev.preventDefault();
      this.takeFile(file);
    }
  }
  onDragOver(ev) {
    if (this.win.open && ev.dataTransfer?.types.includes("Files")) {
      ev.preventDefault();
      this.ui.dragging = true;
    }
  }
  onDragLeave() {
    this.ui.dragging = false;
  }
  onDrop(ev) {
    this.ui.dragging = false;
    const file = ev.dataTransfer?.files[0];
    if (file) {
      ev.preventDefault();
      this.takeFile(file);
    }
  }
  takeFile(file) {
    if (!this.win.open) {
      return;
    }
    const check = checkMedia(file);
    if (!check.ok) {
      this.ui.fileError = check.error;
      this.ui.pending = null;
      return;
    }
    this.ui.fileError = "";
    this.ui.pending = { file: markRaw2(file), kind: check.kind, caption: "" };
  }
  onCaptionInput(ev) {
    if (this.ui.pending) {
      this.ui.pending.caption = ev.target.value;
    }
  }
  onCaptionKeydown(ev) {
    if (ev.key === "Enter" && !ev.isComposing) {
      ev.preventDefault();
      void this.send();
    }
  }
  removeFile() {
    this.ui.pending = null;
  }
};

// static_src/components/message_list/message_list.ts
import { Component as Component23, onMounted as onMounted3, onPatched as onPatched3, onWillPatch, onWillRender, onWillUnmount as onWillUnmount3, onWillUpdateProps as onWillUpdateProps2, status, toRaw, useRef as useRef4, useState as useState12 } from "@odoo/owl";

// static_src/domain/list_window.ts
function visibleRange(heights, estimate, scrollTop, viewport, overscan) {
  const count2 = heights.length;
  const top = Math.max(0, scrollTop - overscan);
  const bottom = scrollTop + viewport + overscan;
  let offset = 0;
  let start = 0;
  while (start < count2 && offset + (heights[start] ?? estimate) <= top) {
    offset += heights[start] ?? estimate;
    start++;
  }
  const before = offset;
  let end = start;
  while (end < count2 && offset < bottom) {
    offset += heights[end] ?? estimate;
    end++;
  }
  let after = 0;
  for (let i = end; i < count2; i++) {
    after += heights[i] ?? estimate;
  }
  return { start, end, before, after };
}
function offsetOf(heights, estimate, index) {
  let offset = 0;
  for (let i = 0; i < index && i < heights.length; i++) {
    offset += heights[i] ?? estimate;
  }
  return offset;
}

// static_src/domain/thread_dates.ts
function dayKey(at) {
  return at.toISODate() ?? "";
}
function dayLabel(at, now) {
  const days = Math.round(now.startOf("day").diff(at.startOf("day"), "days").days);
  if (days === 0) {
    return _t("Today");
  }
  if (days === 1) {
    return _t("Yesterday");
  }
  if (days > 1 && days < 7) {
    return at.toFormat("cccc");
  }
  return at.toLocaleString({ year: "numeric", month: "long", day: "numeric" });
}
function timeLabel(at) {
  return at.toLocaleString({ hour: "2-digit", minute: "2-digit" });
}

// static_src/components/message_bubble/message_bubble.ts
import { Component as Component22, useState as useState11 } from "@odoo/owl";

// static_src/domain/message_body.ts
var FAMILIES = {
  text: "text",
  image: "image",
  sticker: "sticker",
  video: "video",
  audio: "audio",
  document: "document",
  location: "location",
  contacts: "contacts",
  interactive: "reply",
  button: "reply",
  order: "order",
  system: "notice",
  request_welcome: "notice",
  referral: "notice",
  unsupported: "unsupported",
  unknown: "unsupported"
};
function messageFamily(type) {
  return FAMILIES[type] ?? "unsupported";
}
var COORDINATES = /\s*\((-?\d+(?:\.\d+)?), (-?\d+(?:\.\d+)?)\)$/;
function readLocation(body) {
  const [first = "", ...rest] = body.split("\n");
  const url = rest.map((line) => line.trim()).find((line) => new RegExp("^https?://", "i").test(line)) ?? null;
  const match = first.match(COORDINATES);
  const latitude = match ? Number(match[1]) : null;
  const longitude = match ? Number(match[2]) : null;
  let label = (match ? first.slice(0, match.index) : first).trim();
  if (!label || label === "Location") {
    label = null;
  }
  const mapUrl = latitude !== null && longitude !== null ? `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}` : url;
  return { label, latitude, longitude, url, mapUrl };
}
function readContacts(body) {
  const contacts = [];
  for (const line of body.split("\n")) {
    if (!line.startsWith("Contact: ")) {
      continue;
    }
    const rest = line.slice("Contact: ".length);
    const start = rest.search(/(?:^|\s)\+?\d[\d\s().-]{4,}(?:,|$)/);
    const name = (start < 0 ? rest : rest.slice(0, start)).trim();
    const numbers = start < 0 ? [] : rest.slice(start).split(",").map((n) => n.trim()).filter(Boolean);
    contacts.push({ name: name === "(no name)" ? "" : name, numbers });
  }
  return contacts;
}
function readOrder(body) {
  const [, ...lines] = body.split("\n");
  const items = lines.filter((line) => new RegExp("^\\S+ x ").test(line));
  const note = lines.filter((line) => !new RegExp("^\\S+ x ").test(line)).join("\n").trim();
  return { items, note: note || null };
}

// static_src/components/message_content/contacts_content.ts
import { Component as Component15 } from "@odoo/owl";
var ContactsContent = class extends Component15 {
  static {
    this.template = "cusoft_whatsapp.ContactsContent";
  }
  static {
    this.props = { body: String, onCreate: { type: Function, optional: true } };
  }
  get contacts() {
    return readContacts(this.props.body);
  }
  tel(number3) {
    return `tel:${number3.replace(/[^\d+]/g, "")}`;
  }
};

// static_src/components/message_content/location_content.ts
import { Component as Component16 } from "@odoo/owl";
var LocationContent = class extends Component16 {
  static {
    this.template = "cusoft_whatsapp.LocationContent";
  }
  static {
    this.props = { body: String };
  }
  get location() {
    return readLocation(this.props.body);
  }
};

// static_src/components/message_content/media_content.ts
import { Component as Component18 } from "@odoo/owl";

// static_src/components/message_content/text_content.ts
import { Component as Component17 } from "@odoo/owl";

// static_src/domain/linkify.ts
var LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
var TRAILING = /[.,;:!?\]}'"]$/;
function count(text2, char) {
  return text2.split(char).length - 1;
}
function trimEnd(raw) {
  let end = raw;
  while (end.length) {
    if (TRAILING.test(end) || end.endsWith(")") && count(end, ")") > count(end, "(")) {
      end = end.slice(0, -1);
    } else {
      break;
    }
  }
  return end;
}
function linkify(text2) {
  const parts = [];
  let last = 0;
  for (const match of text2.matchAll(LINK)) {
    const raw = trimEnd(match[0]);
    if (!/\w\.\w/.test(raw)) {
      continue;
    }
    const start = match.index ?? 0;
    if (start > last) {
      parts.push({ kind: "text", text: text2.slice(last, start) });
    }
    const href = raw.toLowerCase().startsWith("www.") ? `https://${raw}` : raw;
    parts.push({ kind: "link", text: raw, href });
    last = start + raw.length;
  }
  if (last < text2.length) {
    parts.push({ kind: "text", text: text2.slice(last) });
  }
  return parts;
}

// static_src/components/message_content/text_content.ts
var TextContent = class extends Component17 {
  static {
    this.template = "cusoft_whatsapp.TextContent";
  }
  static {
    this.props = { text: String };
  }
  get parts() {
    return linkify(this.props.text);
  }
};

// static_src/components/message_content/media_content.ts
var PLACEHOLDERS = /* @__PURE__ */ new Set(["Photo", "Video", "Sticker", "Document", "Audio", "Voice message", "Foto", "Vídeo", "Documento", "Mensaje de voz"]);
var MediaContent = class extends Component18 {
  static {
    this.template = "cusoft_whatsapp.MediaContent";
  }
  static {
    this.props = { message: Object, onOpen: Function };
  }
  static {
    this.components = { TextContent };
  }
  get media() {
    return this.props.message.media;
  }
  get file() {
    const media = this.media;
    if (!media?.url || media.state === "error") {
      return null;
    }
    return {
      url: media.url,
      downloadUrl: `${media.url}?download=1`,
      name: media.filename ?? this.props.message.body,
      mimeType: media.mime_type ?? "application/octet-stream"
    };
  }
  get caption() {
    const { message } = this;
    const caption = message.media?.caption ?? message.body;
    if (!caption || PLACEHOLDERS.has(caption) || caption === message.media?.filename) {
      return "";
    }
    return caption;
  }
  get message() {
    return this.props.message;
  }
  get isVoice() {
    return Boolean(this.media?.voice);
  }
  open() {
    const file = this.file;
    if (file) {
      this.props.onOpen(file);
    }
  }
};

// static_src/components/message_content/notice_content.ts
import { Component as Component19 } from "@odoo/owl";
var NoticeContent = class extends Component19 {
  static {
    this.template = "cusoft_whatsapp.NoticeContent";
  }
  static {
    this.props = { body: String, type: String };
  }
  get unsupported() {
    return this.props.type === "unsupported" || this.props.type === "unknown" || !KNOWN.has(this.props.type);
  }
};
var KNOWN = /* @__PURE__ */ new Set(["system", "request_welcome", "referral", "unsupported", "unknown"]);

// static_src/components/message_content/order_content.ts
import { Component as Component20 } from "@odoo/owl";
var OrderContent = class extends Component20 {
  static {
    this.template = "cusoft_whatsapp.OrderContent";
  }
  static {
    this.props = { body: String };
  }
  get order() {
    return readOrder(this.props.body);
  }
};

// static_src/components/message_content/reply_content.ts
import { Component as Component21 } from "@odoo/owl";
var ReplyContent = class extends Component21 {
  static {
    this.template = "cusoft_whatsapp.ReplyContent";
  }
  static {
    this.props = { body: String, type: String };
  }
};

// static_src/components/message_bubble/message_bubble.ts
var QUICK_REACTIONS = ["👍", "❤️", "😂", "😮", "😢", "🙏"];
var MessageBubble = class extends Component22 {
  constructor() {
    super(...arguments);
    this.quickReactions = QUICK_REACTIONS;
  }
  static {
    this.template = "cusoft_whatsapp.MessageBubble";
  }
  static {
    this.props = {
      message: Object,
      store: Object,
      integrations: Object,
      onReply: Function,
      onJump: Function,
      highlighted: { type: Boolean, optional: true }
    };
  }
  static {
    this.components = { TextContent, MediaContent, LocationContent, ContactsContent, ReplyContent, OrderContent, NoticeContent };
  }
  setup() {
    this.ui = useState11({ retrying: false });
  }
  get message() {
    return this.props.message;
  }
  get family() {
    return messageFamily(this.message.type);
  }
  get isMedia() {
    return ["image", "sticker", "video", "audio", "document"].includes(this.family);
  }
  get time() {
    return this.message.timestamp ? timeLabel(this.message.timestamp) : "";
  }
  get isoTime() {
    return this.message.timestamp?.toISO() ?? "";
  }
  get tick() {
    switch (this.message.state) {
      case "queued":
        return { symbol: "🕓", label: _t("Queued") };
      case "sent":
        return { symbol: "✓", label: _t("Sent") };
      case "delivered":
        return { symbol: "✓✓", label: _t("Delivered") };
      case "read":
        return { symbol: "✓✓", label: _t("Read") };
      default:
        return null;
    }
  }
  /** While Meta throttles us, the message waits for its next attempt: say when. */
  get retryAt() {
    const at = this.message.state === "queued" ? this.message.retry_at : null;
    return at ? _t("WhatsApp asked to slow down: next attempt at %s.", timeLabel(at)) : "";
  }
  /** What the agent (outbound) currently shows on this message. */
  get ownReaction() {
    return this.message.reactions.find((r) => r.direction === "outbound")?.emoji ?? "";
  }
  get canReact() {
    return this.message.direction === "inbound" && this.message.id > 0;
  }
  get quoteAuthor() {
    return this.message.reply_to?.direction === "inbound" ? _t("Customer") : _t("You");
  }
  react(emoji2) {
    const next = emoji2 === this.ownReaction ? "" : emoji2;
    void this.props.store.react(this.message.conversation_id, this.message.id, next);
  }
  pickReaction(ev) {
    const pick2 = this.props.integrations.pickEmoji;
    if (pick2) {
      pick2(ev.currentTarget, (emoji2) => this.react(emoji2));
    }
  }
  jumpToQuote() {
    const quoted = this.message.reply_to;
    if (quoted) {
      this.props.onJump(quoted.id);
    }
  }
  async retry() {
    if (this.ui.retrying) {
      return;
    }
    this.ui.retrying = true;
    try {
      await this.props.store.retry(this.message.id);
    } finally {
      this.ui.retrying = false;
    }
  }
  openFile(file) {
    this.props.integrations.openFile(file, [file]);
  }
  get createContact() {
    const create = this.props.integrations.createContact;
    return create ? (contact) => create(contact, this.message.conversation_id) : void 0;
  }
};

// static_src/components/message_list/message_list.ts
var WINDOW_FROM = 300;
var ESTIMATE = 64;
var OVERSCAN = 500;
var EDGE = 300;
var PINNED_SLACK = 8;
var HIGHLIGHT_MS = 2e3;
var MessageList = class extends Component23 {
  constructor() {
    super(...arguments);
    this.rows = [];
    this.range = { start: 0, end: 0, before: 0, after: 0 };
    this.heights = /* @__PURE__ */ new Map();
    this.scrollTop = 0;
    this.viewport = 600;
    this.pinned = true;
    this.anchor = null;
    this.firstId = null;
    this.handledFocus = null;
    this.scrollFrame = 0;
  }
  static {
    this.template = "cusoft_whatsapp.MessageList";
  }
  static {
    this.props = { store: Object, conversationId: Number, integrations: Object, onReply: Function };
  }
  static {
    this.components = { MessageBubble };
  }
  setup() {
    this.storeState = useState12(this.props.store.state);
    this.ui = useState12({ highlightId: null, scrollTick: 0 });
    this.scroller = useRef4("scroller");
    onWillRender(() => this.beforeRender());
    onWillPatch(() => {
      this.anchor = this.scroller.el ? this.findAnchor(this.scroller.el) : null;
    });
    onMounted3(() => this.afterRender());
    onPatched3(() => this.afterRender());
    onWillUpdateProps2((next) => {
      if (next.conversationId !== this.props.conversationId) {
        this.reset(next.conversationId);
      }
    });
    this.handledFocus = this.focusOf(this.props.conversationId);
    onWillUnmount3(() => {
      clearTimeout(this.highlightTimer);
      cancelAnimationFrame(this.scrollFrame);
    });
  }
  get thread() {
    return this.storeState.threads[this.props.conversationId];
  }
  get messages() {
    return this.thread?.messages ?? [];
  }
  get windowed() {
    return this.messages.length > WINDOW_FROM;
  }
  focusOf(conversationId) {
    return this.props.store.state.threads[conversationId]?.focusMessageId ?? null;
  }
  /**
   * The store sets `focusMessageId`, which only re-renders when it changes: a second jump to the
   * same quote is forced through here.
   */
  async jump(messageId) {
    this.handledFocus = null;
    await this.props.store.jumpToMessage(this.props.conversationId, messageId);
    if (status(this) === "mounted") {
      this.render();
    }
  }
  reset(conversationId) {
    this.heights.clear();
    this.pinned = true;
    this.anchor = null;
    this.firstId = null;
    this.handledFocus = this.focusOf(conversationId);
    this.scrollTop = 0;
    this.ui.highlightId = null;
  }
  pendingFocus() {
    const focus = this.thread?.focusMessageId ?? null;
    return focus !== null && focus !== this.handledFocus ? focus : null;
  }
  beforeRender() {
    void this.ui.scrollTick;
    const el = this.scroller.el;
    if (el) {
      this.scrollTop = el.scrollTop;
      this.viewport = el.clientHeight || this.viewport;
    }
    const live = this.messages;
    void live.length;
    const messages = toRaw(live);
    const firstId = messages[0]?.id ?? null;
    if (this.firstId !== null && firstId !== this.firstId) {
      const shift = messages.findIndex((m) => m.id === this.firstId);
      for (let i = 0; i < shift; i++) {
        this.scrollTop += this.heights.get(messages[i].id) ?? ESTIMATE;
      }
    }
    this.firstId = firstId;
    this.range = this.computeRange(messages);
    const now = this.props.integrations.now();
    this.rows = [];
    for (let i = this.range.start; i < this.range.end; i++) {
      const message = live[i];
      const previous = messages[i - 1];
      const at = message.timestamp;
      const newDay = at && (!previous?.timestamp || dayKey(previous.timestamp) !== dayKey(at));
      this.rows.push({
        key: message.client_id ?? String(message.id),
        message,
        day: newDay ? dayLabel(at, now) : null
      });
    }
  }
  computeRange(messages) {
    const count2 = messages.length;
    if (count2 <= WINDOW_FROM) {
      return { start: 0, end: count2, before: 0, after: 0 };
    }
    const heights = messages.map((m) => this.heights.get(m.id));
    let top = this.scrollTop;
    const focus = this.pendingFocus();
    const focusIndex = focus === null ? -1 : messages.findIndex((m) => m.id === focus);
    if (focusIndex >= 0) {
      top = offsetOf(heights, ESTIMATE, focusIndex) - this.viewport / 2;
    } else if (this.pinned) {
      top = offsetOf(heights, ESTIMATE, count2) - this.viewport;
    }
    return visibleRange(heights, ESTIMATE, Math.max(0, top), this.viewport, OVERSCAN);
  }
  findAnchor(el) {
    const top = el.getBoundingClientRect().top;
    for (const message of el.querySelectorAll("[data-message-id]")) {
      const rect = message.getBoundingClientRect();
      if (rect.bottom > top) {
        return { id: message.dataset.messageId, delta: rect.top - top };
      }
    }
    return null;
  }
  afterRender() {
    const el = this.scroller.el;
    if (!el) {
      return;
    }
    for (const row of el.querySelectorAll("[data-row-id]")) {
      this.heights.set(Number(row.dataset.rowId), row.offsetHeight);
    }
    const focus = this.pendingFocus();
    const target = focus === null ? null : el.querySelector(`[data-message-id="${focus}"]`);
    if (focus !== null && target) {
      this.handledFocus = focus;
      this.pinned = false;
      el.scrollTop = target.offsetTop - (el.clientHeight - target.offsetHeight) / 2;
      target.focus({ preventScroll: true });
      this.highlight(focus);
    } else if (this.pinned) {
      el.scrollTop = el.scrollHeight;
    } else if (this.anchor) {
      const message = el.querySelector(`[data-message-id="${this.anchor.id}"]`);
      if (message) {
        el.scrollTop += message.getBoundingClientRect().top - el.getBoundingClientRect().top - this.anchor.delta;
      }
    }
    this.scrollTop = el.scrollTop;
    if (el.scrollHeight <= el.clientHeight) {
      this.loadAtEdges(el);
    }
  }
  highlight(id) {
    this.ui.highlightId = id;
    clearTimeout(this.highlightTimer);
    this.highlightTimer = setTimeout(() => {
      this.ui.highlightId = null;
    }, HIGHLIGHT_MS);
  }
  loadAtEdges(el) {
    const thread = this.thread;
    if (!thread || thread.loading) {
      return;
    }
    if (thread.hasOlder && el.scrollTop < EDGE) {
      void this.props.store.loadOlder(this.props.conversationId);
    } else if (thread.hasNewer && el.scrollHeight - el.scrollTop - el.clientHeight < EDGE) {
      void this.props.store.loadNewer(this.props.conversationId);
    }
  }
  onScroll() {
    const el = this.scroller.el;
    if (!el) {
      return;
    }
    this.scrollTop = el.scrollTop;
    this.pinned = !this.thread?.hasNewer && el.scrollHeight - el.scrollTop - el.clientHeight < PINNED_SLACK;
    this.loadAtEdges(el);
    if (this.windowed && !this.scrollFrame) {
      this.scrollFrame = requestAnimationFrame(() => {
        this.scrollFrame = 0;
        const next = this.computeRange(toRaw(this.messages));
        if (next.start !== this.range.start || next.end !== this.range.end) {
          this.ui.scrollTick++;
        }
      });
    }
  }
};

// static_src/components/window_countdown/window_countdown.ts
import { Component as Component24, useState as useState13 } from "@odoo/owl";
var WindowCountdown = class extends Component24 {
  static {
    this.template = "cusoft_whatsapp.WindowCountdown";
  }
  static {
    this.props = { serviceWindow: Object };
  }
  setup() {
    this.win = useState13(this.props.serviceWindow);
  }
};

// static_src/components/conversation_actions/conversation_actions.ts
import { Component as Component25, useState as useState14 } from "@odoo/owl";

// static_src/services/conversation_actions.ts
var ConversationActionRegistry = class {
  constructor() {
    this.actions = /* @__PURE__ */ new Map();
  }
  add(action) {
    this.actions.set(action.id, action);
  }
  remove(id) {
    this.actions.delete(id);
  }
  for(conversation) {
    return [...this.actions.values()].filter((action) => action.isAvailable(conversation)).sort((a, b) => a.sequence - b.sequence);
  }
};
var conversationActions = new ConversationActionRegistry();

// static_src/components/conversation_actions/conversation_actions.ts
var ConversationActions = class extends Component25 {
  static {
    this.template = "cusoft_whatsapp.ConversationActions";
  }
  static {
    this.props = {
      conversation: Object,
      registry: { type: Object, optional: true }
    };
  }
  setup() {
    this.ui = useState14({ running: null, error: null });
  }
  get actions() {
    return (this.props.registry ?? conversationActions).for(this.props.conversation);
  }
  async run(action) {
    if (this.ui.running) {
      return;
    }
    this.ui.running = action.id;
    this.ui.error = null;
    try {
      await action.run(this.props.conversation);
    } catch (error) {
      this.ui.error = plainError2(error);
    } finally {
      this.ui.running = null;
    }
  }
};

// static_src/components/thread_pane/chat_integrations.ts
var CHAT_INTEGRATIONS_KEY = "cusoftWhatsappChat";
var plainIntegrations = {
  openFile(file) {
    window.open(file.url, "_blank", "noopener");
  },
  pickEmoji: null,
  openTemplatePicker: null,
  createContact: null,
  now: () => DateTime.now(),
  tickMs: 1e3
};
function chatIntegrations(env) {
  const given = env[CHAT_INTEGRATIONS_KEY];
  return { ...plainIntegrations, ...given };
}

// static_src/components/thread_pane/thread_pane.ts
var ThreadPane = class extends Component26 {
  static {
    this.template = "cusoft_whatsapp.ThreadPane";
  }
  static {
    this.props = {
      store: Object,
      conversationId: Number
    };
  }
  static {
    this.components = { MessageList, Composer, WindowCountdown, ConversationActions };
  }
  setup() {
    this.storeState = useState15(this.props.store.state);
    this.integrations = chatIntegrations(this.env);
    this.ui = useState15({ replyTo: null });
    this.root = useRef5("root");
    this.serviceWindow = reactive5(this.computeWindow());
    let timer;
    onWillStart4(() => this.open(this.props.conversationId));
    onWillUpdateProps3((next) => {
      if (next.conversationId !== this.props.conversationId) {
        this.ui.replyTo = null;
        this.open(next.conversationId);
      }
    });
    onWillRender2(() => this.tick());
    onMounted4(() => {
      timer = setInterval(() => this.tick(), this.integrations.tickMs);
    });
    onWillUnmount4(() => clearInterval(timer));
  }
  get conversation() {
    return this.storeState.conversations[this.props.conversationId] ?? null;
  }
  get subtitle() {
    const conversation = this.conversation;
    if (!conversation) {
      return "";
    }
    return conversation.phone ?? (conversation.username ? `@${conversation.username}` : "");
  }
  get assigneeLabel() {
    const assignee = this.conversation?.assignee;
    return assignee ? _t("Assigned to %s", assignee.name) : "";
  }
  get initials() {
    return initials(this.conversation?.name ?? "");
  }
  open(conversationId) {
    const { state } = this.props.store;
    if (state.activeConversationId !== conversationId || !state.threads[conversationId]) {
      void this.props.store.openConversation(conversationId);
    }
  }
  computeWindow(conversationId = this.props.conversationId) {
    const conversation = this.props.store.state.conversations[conversationId];
    return serviceWindow(conversation?.window_expires_at ?? null, this.integrations.now());
  }
  tick() {
    const next = this.computeWindow();
    for (const key of ["open", "label", "closingSoon"]) {
      if (this.serviceWindow[key] !== next[key]) {
        this.serviceWindow[key] = next[key];
      }
    }
  }
  onReply(message) {
    this.ui.replyTo = message;
    this.root.el?.querySelector(".o_cusoft_whatsapp_input")?.focus();
  }
  cancelReply() {
    this.ui.replyTo = null;
  }
};

// static_src/odoo/chat_integrations.ts
import { onWillDestroy, useSubEnv } from "@odoo/owl";
import { EmojiPicker } from "@web/core/emoji_picker/emoji_picker";
import { FileModel } from "@web/core/file_viewer/file_model";
import { createFileViewer } from "@web/core/file_viewer/file_viewer_hook";
import { rpc as rpc5 } from "@web/core/network/rpc";
import { useService as useService6 } from "@web/core/utils/hooks";

// static_src/odoo/template_picker_dialog.ts
import { Component as Component29 } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { rpc as rpc4 } from "@web/core/network/rpc";
import { useService as useService5 } from "@web/core/utils/hooks";

// static_src/api/template_client.ts
var TemplateApi = class {
  constructor(rpc6) {
    this.rpc = rpc6;
  }
  /** The conversation's approved templates, parsed, with the values the picker may start from. */
  list(conversationId) {
    return callRoute(this.rpc, "/cusoft_whatsapp/chat/templates", { conversation_id: conversationId });
  }
  /** Queues the template; a server refusal (a variable missing, opted out…) rejects with its words. */
  async send(conversationId, clientId, params) {
    const answer = await callRoute(this.rpc, "/cusoft_whatsapp/chat/send", {
      conversation_id: conversationId,
      client_id: clientId,
      kind: "template",
      template_id: params.templateId,
      values: params.values,
      attachment_id: params.attachmentId ?? null
    });
    return answer.message;
  }
};

// static_src/components/template_picker/template_picker_panel.ts
import { Component as Component28, onWillStart as onWillStart5, useState as useState17 } from "@odoo/owl";

// static_src/components/template_picker/template_picker.ts
import { Component as Component27, onMounted as onMounted5, onPatched as onPatched4, onWillUnmount as onWillUnmount5, useRef as useRef6, useState as useState16 } from "@odoo/owl";

// static_src/domain/template_fill.ts
var MB2 = 1024 * 1024;
var HEADER_TEXT_LIMIT = 60;
var BODY_TEXT_LIMIT = 1024;
var COPY_CODE_LIMIT = 15;
var LOCATION_KEYS = ["header.latitude", "header.longitude", "header.name", "header.address"];
var HEADER_MEDIA = {
  image: { types: ["image/jpeg", "image/png"], limit: 5 * MB2 },
  video: { types: ["video/mp4", "video/3gpp"], limit: 16 * MB2 },
  document: { types: ["application/pdf"], limit: 100 * MB2 }
};
var VARIABLE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
var LAYOUT = /[\n\r\t]| {5,}/;
function isMediaHeader(format) {
  return format === "image" || format === "video" || format === "document";
}
function templateVariables(template) {
  return [
    ...template.header?.variables ?? [],
    ...template.body.variables,
    ...template.buttons.flatMap((button) => button.variables)
  ];
}
function initialValues(template, prefill) {
  const values = {};
  for (const variable of templateVariables(template)) {
    values[variable.key] = prefill[variable.name] ?? "";
  }
  if (template.header?.format === "location") {
    for (const key of LOCATION_KEYS) {
      values[key] = "";
    }
  }
  return values;
}
function variableLabel(template, key) {
  const [part, ...rest] = key.split(".");
  if (part === "header") {
    switch (rest[0]) {
      case "latitude":
        return _t("Latitude");
      case "longitude":
        return _t("Longitude");
      case "name":
        return template.header?.format === "location" ? _t("Place name") : `{{${rest[0]}}}`;
      case "address":
        return template.header?.format === "location" ? _t("Address") : `{{${rest[0]}}}`;
      case "media":
        return _t("Header file");
      default:
        return `{{${rest.join(".")}}}`;
    }
  }
  if (part === "body") {
    return `{{${rest.join(".")}}}`;
  }
  const button = template.buttons.find((b) => String(b.index) === rest[0]);
  const label = button?.text || rest[0] || "";
  return rest[1] === "code" ? _t("Code of the button “%s”", label) : _t("Link of the button “%s”", label);
}
function fill(text2, prefix, values) {
  return text2.replace(VARIABLE, (whole, name) => values[`${prefix}.${name}`]?.trim() || whole);
}
function fillProblems(template, values, file) {
  const problems = [];
  for (const variable of templateVariables(template)) {
    const value = (values[variable.key] ?? "").trim();
    const label = variableLabel(template, variable.key);
    if (!value) {
      problems.push({ key: variable.key, message: _t("Fill in %s.", label) });
    } else if (LAYOUT.test(value)) {
      problems.push({ key: variable.key, message: _t("%s cannot contain line breaks, tabs or more than four spaces in a row.", label) });
    } else if (variable.key.endsWith(".code") && value.length > COPY_CODE_LIMIT) {
      problems.push({ key: variable.key, message: _t("%s holds at most %s characters.", label, COPY_CODE_LIMIT) });
    }
  }
  const header = template.header;
  if (header?.format === "text" && fill(header.text ?? "", "header", values).length > HEADER_TEXT_LIMIT) {
    problems.push({ key: null, message: _t("The header holds at most %s characters once filled in: shorten its value.", HEADER_TEXT_LIMIT) });
  }
  if (fill(template.body.text, "body", values).length > BODY_TEXT_LIMIT) {
    problems.push({ key: null, message: _t("The message holds at most %s characters once filled in: shorten the values.", BODY_TEXT_LIMIT) });
  }
  if (header && isMediaHeader(header.format)) {
    const accepted = HEADER_MEDIA[header.format];
    if (!file) {
      problems.push({ key: "header.media", message: _t("This template starts with a file: attach %s to show in its header.", mediaLabel(header.format)) });
    } else if (!accepted.types.includes(file.type.toLowerCase())) {
      problems.push({ key: "header.media", message: _t("The header of this template takes %s; the attached file is of another type.", mediaLabel(header.format)) });
    } else if (file.size > accepted.limit) {
      problems.push({ key: "header.media", message: _t("The header file is too large: at most %s MB.", Math.round(accepted.limit / MB2)) });
    }
  }
  if (header?.format === "location") {
    for (const [key, bound] of [["header.latitude", 90], ["header.longitude", 180]]) {
      const raw = (values[key] ?? "").trim();
      const number3 = Number(raw);
      if (!raw || !Number.isFinite(number3) || Math.abs(number3) > bound) {
        problems.push({ key, message: _t("%s is not a valid coordinate.", variableLabel(template, key)) });
      }
    }
  }
  return problems;
}
function mediaLabel(format) {
  switch (format) {
    case "image":
      return _t("a picture (JPEG or PNG)");
    case "video":
      return _t("a video (MP4)");
    case "document":
      return _t("a PDF document");
  }
}
function previewParts(text2, prefix, values) {
  const parts = [];
  let last = 0;
  for (const match of text2.matchAll(VARIABLE)) {
    const start = match.index ?? 0;
    if (start > last) {
      parts.push({ text: text2.slice(last, start), kind: "fixed" });
    }
    const value = values[`${prefix}.${match[1]}`]?.trim();
    parts.push(value ? { text: value, kind: "value" } : { text: match[0], kind: "empty" });
    last = start + match[0].length;
  }
  if (last < text2.length) {
    parts.push({ text: text2.slice(last), kind: "fixed" });
  }
  return parts;
}
function valuesToSend(template, values) {
  const keys = templateVariables(template).map((v) => v.key);
  if (template.header?.format === "location") {
    keys.push(...LOCATION_KEYS);
  }
  return Object.fromEntries(keys.map((key) => [key, (values[key] ?? "").trim()]));
}

// static_src/components/template_picker/template_picker.ts
var nextPickerId = 1;
var TemplatePicker = class extends Component27 {
  constructor() {
    super(...arguments);
    this.uid = nextPickerId++;
    this.focusFirstProblem = false;
  }
  static {
    this.template = "cusoft_whatsapp.TemplatePicker";
  }
  static {
    this.props = {
      templates: Array,
      prefill: { type: Object, optional: true },
      onSend: Function,
      onCancel: Function
    };
  }
  setup() {
    this.root = useRef6("root");
    this.state = useState16({
      search: "",
      name: null,
      language: null,
      values: {},
      file: null,
      tried: false,
      sending: false,
      refusal: ""
    });
    const first = this.props.templates[0];
    if (this.props.templates.length === 1 && first) {
      this.select(first);
    }
    const onKeydown = (event) => {
      if (event.key === "Escape" && !this.state.sending) {
        event.stopPropagation();
        this.props.onCancel();
      }
    };
    onMounted5(() => {
      this.root.el?.addEventListener("keydown", onKeydown);
      this.root.el?.querySelector("input")?.focus();
    });
    onWillUnmount5(() => this.root.el?.removeEventListener("keydown", onKeydown));
    onPatched4(() => {
      if (this.focusFirstProblem) {
        this.focusFirstProblem = false;
        this.root.el?.querySelector("[aria-invalid='true']")?.focus();
      }
    });
  }
  // ------------------------------------------------------------ the list
  /** Template names matching the search (name or text), each once whatever its languages. */
  get names() {
    const words = this.state.search.toLowerCase().split(/\s+/).filter(Boolean);
    const names = [];
    for (const template of this.props.templates) {
      const haystack = `${template.name} ${template.name.replace(/_/g, " ")} ${template.header?.text ?? ""} ${template.body.text}`.toLowerCase();
      if (words.every((word) => haystack.includes(word)) && !names.includes(template.name)) {
        names.push(template.name);
      }
    }
    return names;
  }
  languagesOf(name) {
    return this.props.templates.filter((t) => t.name === name).map((t) => t.language);
  }
  get selected() {
    const { name, language } = this.state;
    return this.props.templates.find((t) => t.name === name && t.language === language) ?? null;
  }
  /** A readable title: "order_ready_pickup" → "Order ready pickup". */
  title(name) {
    const words = name.replace(/_/g, " ").trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  snippet(name) {
    const template = this.props.templates.find((t) => t.name === name);
    const text2 = template?.body.text ?? "";
    return text2.length > 90 ? `${text2.slice(0, 89)}…` : text2;
  }
  chooseName(name) {
    const language = this.languagesOf(name)[0];
    const template = this.props.templates.find((t) => t.name === name && t.language === language);
    if (template) {
      this.select(template);
    }
  }
  chooseLanguage(event) {
    const language = event.target.value;
    const template = this.props.templates.find((t) => t.name === this.state.name && t.language === language);
    if (template) {
      this.select(template);
    }
  }
  /** Selects `template`, keeping what the user already typed for variables of the same name. */
  select(template) {
    const start = initialValues(template, this.props.prefill ?? {});
    for (const key of Object.keys(start)) {
      const typed = this.state.values[key];
      if (typed) {
        start[key] = typed;
      }
    }
    this.state.name = template.name;
    this.state.language = template.language;
    this.state.values = start;
    if (!isMediaHeader(template.header?.format)) {
      this.state.file = null;
    }
    this.state.tried = false;
    this.state.refusal = "";
  }
  onSearch(event) {
    this.state.search = event.target.value;
  }
  // ------------------------------------------------------------ the inputs
  get problems() {
    const template = this.selected;
    return template ? fillProblems(template, this.state.values, this.state.file) : [];
  }
  /** The inputs of the selected template, in order, each with its problem once the user tried to send. */
  get inputs() {
    const template = this.selected;
    if (!template) {
      return [];
    }
    const shown = this.state.tried ? this.problems : [];
    const problemOf = (key) => shown.find((p) => p.key === key)?.message ?? null;
    const inputs = templateVariables(template).map((variable) => ({
      key: variable.key,
      label: variableLabel(template, variable.key),
      example: variable.example,
      problem: problemOf(variable.key)
    }));
    if (template.header?.format === "location") {
      inputs.unshift(
        ...LOCATION_KEYS.map((key) => ({ key, label: variableLabel(template, key), example: null, problem: problemOf(key) }))
      );
    }
    return inputs;
  }
  /** Problems not tied to one input (a text too long once filled). */
  get generalProblems() {
    return this.state.tried ? this.problems.filter((p) => p.key === null).map((p) => p.message) : [];
  }
  get fileProblem() {
    return this.state.tried ? this.problems.find((p) => p.key === "header.media")?.message ?? null : null;
  }
  get mediaFormat() {
    const format = this.selected?.header?.format;
    return isMediaHeader(format) ? format : null;
  }
  get fileAccept() {
    return this.mediaFormat ? HEADER_MEDIA[this.mediaFormat].types.join(",") : "";
  }
  get fileHint() {
    return this.mediaFormat ? _t("Attach %s.", mediaLabel(this.mediaFormat)) : "";
  }
  onInput(key, event) {
    this.state.values[key] = event.target.value;
    this.state.refusal = "";
  }
  onFile(event) {
    this.state.file = event.target.files?.[0] ?? null;
    this.state.refusal = "";
  }
  domId(part) {
    return `o_cusoft_whatsapp_tpl_${this.uid}_${part.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  }
  // ------------------------------------------------------------ the preview
  get headerParts() {
    const header = this.selected?.header;
    return header?.format === "text" && header.text ? previewParts(header.text, "header", this.state.values) : [];
  }
  get bodyParts() {
    const template = this.selected;
    return template ? previewParts(template.body.text, "body", this.state.values) : [];
  }
  get locationLine() {
    const values = this.state.values;
    return [values["header.name"], values["header.address"]].map((v) => v?.trim()).filter(Boolean).join(" · ");
  }
  get locationText() {
    return this.locationLine || _t("Location");
  }
  get mediaCaption() {
    if (this.state.file) {
      return this.state.file.name;
    }
    switch (this.mediaFormat) {
      case "image":
        return _t("Picture");
      case "video":
        return _t("Video");
      case "document":
        return _t("Document");
      default:
        return "";
    }
  }
  buttonIcon(type) {
    switch (type) {
      case "url":
        return "fa-external-link";
      case "phone":
      case "voice_call":
        return "fa-phone";
      case "copy_code":
      case "otp":
        return "fa-clone";
      case "flow":
        return "fa-list-alt";
      default:
        return "fa-reply";
    }
  }
  buttonLabel(button) {
    if (button.text) {
      return button.text;
    }
    return button.type === "copy_code" ? _t("Copy code") : "";
  }
  // ------------------------------------------------------------ sending
  async send() {
    const template = this.selected;
    if (!template || this.state.sending) {
      return;
    }
    this.state.tried = true;
    this.state.refusal = "";
    if (this.problems.length) {
      this.focusFirstProblem = true;
      return;
    }
    this.state.sending = true;
    try {
      await this.props.onSend({
        template,
        templateId: template.id,
        values: valuesToSend(template, this.state.values),
        file: this.state.file,
        text: this.previewText(template)
      });
    } catch (error) {
      this.state.refusal = error instanceof Error && error.message ? error.message : _t("The template could not be sent. Try again.");
    } finally {
      this.state.sending = false;
    }
  }
  previewText(template) {
    const join = (parts) => parts.map((p) => p.text).join("");
    const header = template.header?.format === "location" ? this.locationLine : join(this.headerParts);
    return [header, join(this.bodyParts), template.footer ?? ""].filter(Boolean).join("\n\n");
  }
};

// static_src/components/template_picker/template_picker_panel.ts
var TemplatePickerPanel = class extends Component28 {
  static {
    this.template = "cusoft_whatsapp.TemplatePickerPanel";
  }
  static {
    this.components = { TemplatePicker };
  }
  static {
    this.props = { load: Function, onSend: Function, onCancel: Function };
  }
  setup() {
    this.state = useState17({ status: "loading", list: null, error: "" });
    onWillStart5(() => this.reload());
  }
  async reload() {
    this.state.status = "loading";
    try {
      this.state.list = await this.props.load();
      this.state.status = "ready";
    } catch (error) {
      this.state.error = error instanceof Error && error.message ? error.message : _t("The templates could not be loaded.");
      this.state.status = "error";
    }
  }
};

// static_src/odoo/template_picker_dialog.ts
var TemplatePickerDialog = class extends Component29 {
  static {
    this.template = "cusoft_whatsapp.TemplatePickerDialog";
  }
  static {
    this.components = { Dialog, TemplatePickerPanel };
  }
  static {
    this.props = { close: Function, load: Function, send: Function };
  }
  async send(send) {
    await this.props.send(send);
    this.props.close();
  }
};
function useTemplatePicker(options) {
  const dialog = useService5("dialog");
  const api = new TemplateApi((route, params) => rpc4(route, params ?? {}));
  return (conversationId) => {
    const clientId = `tpl-${crypto.randomUUID()}`;
    let attachmentId = null;
    let uploadedFile = null;
    dialog.add(TemplatePickerDialog, {
      load: () => api.list(conversationId),
      send: async (send) => {
        if (send.file && send.file !== uploadedFile) {
          attachmentId = (await options.upload(conversationId, send.file)).id;
          uploadedFile = send.file;
        }
        const message = await api.send(conversationId, clientId, {
          templateId: send.templateId,
          values: send.values,
          attachmentId: send.file ? attachmentId : null
        });
        options.onSent?.(message);
      }
    });
  };
}

// static_src/odoo/chat_integrations.ts
function useOdooChatIntegrations(extra = {}) {
  const popover = useService6("popover");
  const action = useService6("action");
  const viewer = createFileViewer();
  onWillDestroy(() => viewer.close());
  let closePicker = null;
  const chatApi = new ChatApi((route, params) => rpc5(route, params ?? {}, { silent: true }), odooUpload);
  const store = useService6(INBOX_SERVICE);
  const openTemplatePicker = useTemplatePicker({
    upload: (conversationId, file) => chatApi.uploadFile(conversationId, file),
    onSent: (message) => store.acceptSent(message)
  });
  const integrations = {
    openFile(file, files) {
      const models = files.map(fileModel);
      viewer.open(models[files.indexOf(file)] ?? fileModel(file), models);
    },
    pickEmoji(target, onSelect) {
      closePicker?.();
      closePicker = popover.add(
        target,
        EmojiPicker,
        { onSelect: (emoji2) => onSelect(emoji2) },
        { position: "top", onClose: () => closePicker = null }
      );
    },
    createContact(contact) {
      void action.doAction({
        type: "ir.actions.act_window",
        res_model: "res.partner",
        views: [[false, "form"]],
        target: "new",
        context: { default_name: contact.name, default_phone: contact.numbers[0] ?? false }
      });
    },
    openTemplatePicker,
    ...extra
  };
  useSubEnv({ [CHAT_INTEGRATIONS_KEY]: integrations });
}
function fileModel(file) {
  const model = new FileModel();
  Object.assign(model, { name: file.name, filename: file.name, mimetype: file.mimeType, type: "binary" });
  Object.defineProperty(model, "urlRoute", { get: () => file.url });
  return model;
}

// static_src/odoo/discuss_main_area.ts
var DiscussWhatsAppMain = class extends Component30 {
  static {
    this.template = "cusoft_whatsapp.DiscussWhatsAppMain";
  }
  static {
    this.components = { ThreadPane };
  }
  static {
    this.props = { conversationId: Number };
  }
  setup() {
    this.store = useService7(INBOX_SERVICE);
    useOdooChatIntegrations();
    const everywhere = useService7(EVERYWHERE_SERVICE);
    const open = (conversationId) => {
      void this.store.openConversation(conversationId).then(() => {
        void everywhere?.sidebar.refresh();
        void everywhere?.attention.refresh();
      });
    };
    onWillStart6(() => open(this.props.conversationId));
    onWillUpdateProps4((next) => {
      if (next.conversationId !== this.props.conversationId) {
        open(next.conversationId);
      }
    });
  }
};
function showConversation(discuss, conversationId) {
  discussWhatsApp.conversationId = conversationId;
  discuss.store.discuss.thread = void 0;
  const activeId = activeIdOf(conversationId);
  router.pushState({ active_id: activeId });
  const controller = discuss.env.services.action?.currentController;
  if (controller) {
    controller.action.context.active_id = activeId;
  }
}
function installDiscussMainArea() {
  const originalSetup = Discuss.prototype.setup;
  patch(Discuss.prototype, {
    setup() {
      originalSetup.call(this);
      this.cusoftWhatsapp = useState18(discussWhatsApp);
      const hosts = () => Boolean(this.props.hasSidebar ?? true) && !this.ui.isSmall;
      const show = (conversationId) => showConversation(this, conversationId);
      onMounted6(() => {
        if (hosts()) {
          discussWhatsApp.show = show;
        }
      });
      onWillUnmount6(() => {
        if (discussWhatsApp.show === show) {
          discussWhatsApp.show = null;
        }
      });
    },
    /** The conversation to show instead of Discuss's content, if any. */
    get cusoftWhatsappConversationId() {
      const self = this;
      if (self.store.discuss.thread || self.ui.isSmall) {
        return null;
      }
      return self.cusoftWhatsapp.conversationId;
    }
  });
  patch(Discuss, { components: { ...Discuss.components, DiscussWhatsAppMain } });
  const originalRestore = DiscussClientAction.prototype.restoreDiscussThread;
  patch(DiscussClientAction.prototype, {
    async restoreDiscussThread(props) {
      const conversationId = conversationIdOf(this.getActiveId(props));
      if (conversationId === null) {
        return originalRestore.call(this, props);
      }
      discussWhatsApp.conversationId = conversationId;
      this.store.discuss.thread = void 0;
      this.store.discuss.hasRestoredThread = true;
    }
  });
}

// static_src/odoo/messaging_menu_tab.ts
import { Component as Component31, useState as useState19 } from "@odoo/owl";
import { MessagingMenu } from "@mail/core/public_web/messaging_menu";
import { patch as patch2 } from "@web/core/utils/patch";
import { useService as useService8 } from "@web/core/utils/hooks";
var WHATSAPP_TAB = "cusoft_whatsapp";
var MessagingMenuWhatsApp = class extends Component31 {
  static {
    this.template = "cusoft_whatsapp.MessagingMenuWhatsApp";
  }
  static {
    this.components = { AttentionList };
  }
  static {
    this.props = {};
  }
  setup() {
    this.services = useService8(EVERYWHERE_SERVICE);
    this.action = useService8("action");
    if (this.services) {
      useState19(this.services.sidebar.state);
      void this.services.sidebar.start();
    }
  }
  open(conversationId) {
    void openInInbox(this.action, conversationId);
  }
};
function installMessagingMenuTab() {
  const tabs = Object.getOwnPropertyDescriptor(MessagingMenu.prototype, "tabs").get;
  patch2(MessagingMenu.prototype, {
    get tabs() {
      const own2 = tabs.call(this);
      const services = this.env.services[EVERYWHERE_SERVICE];
      return services ? [...own2, { id: WHATSAPP_TAB, icon: "fa fa-whatsapp", label: _t("WhatsApp") }] : own2;
    }
  });
  patch2(MessagingMenu, { components: { ...MessagingMenu.components, MessagingMenuWhatsApp } });
}

// static_src/odoo/chat_panel_widget.ts
import { Component as Component33 } from "@odoo/owl";
import { registry as registry12 } from "@web/core/registry";
import { useService as useService9 } from "@web/core/utils/hooks";

// static_src/components/chat_panel/chat_panel.ts
import { Component as Component32, onWillStart as onWillStart7, onWillUpdateProps as onWillUpdateProps5, useState as useState20 } from "@odoo/owl";
var ChatPanel = class extends Component32 {
  static {
    this.template = "cusoft_whatsapp.ChatPanel";
  }
  static {
    this.props = { store: Object, load: Function, recordKey: String };
  }
  static {
    this.components = { ThreadPane };
  }
  setup() {
    this.state = useState20({ status: "loading", conversations: [], selectedId: null, error: "" });
    onWillStart7(() => this.reload(this.props));
    onWillUpdateProps5((next) => next.recordKey !== this.props.recordKey ? this.reload(next) : void 0);
  }
  async reload(props) {
    this.state.status = "loading";
    try {
      const conversations = await props.load();
      this.state.conversations = conversations;
      this.state.selectedId = conversations[0]?.id ?? null;
      this.state.status = "ready";
    } catch (error) {
      this.state.error = plainError2(error);
      this.state.status = "error";
    }
  }
  optionLabel(conversation) {
    const handle = conversationHandle(conversation);
    return handle && handle !== conversation.name ? `${handle} · ${conversation.name}` : conversation.name;
  }
  get selectorLabel() {
    return _t("WhatsApp conversation");
  }
  select(event) {
    this.state.selectedId = Number(event.target.value);
  }
};

// static_src/odoo/chat_panel_widget.ts
var ChatPanelWidget = class extends Component33 {
  static {
    this.template = "cusoft_whatsapp.ChatPanelWidget";
  }
  static {
    this.components = { ChatPanel };
  }
  static {
    this.props = ["*"];
  }
  setup() {
    this.services = useService9(EVERYWHERE_SERVICE);
    this.store = useService9(INBOX_SERVICE);
    useOdooChatIntegrations();
  }
  get recordKey() {
    return `${this.props.record.resModel},${this.props.record.resId}`;
  }
  load() {
    const { resModel, resId } = this.props.record;
    const api = this.services.api;
    if (!resId) {
      return Promise.resolve([]);
    }
    return resModel === "crm.lead" ? api.leadConversations(resId) : api.partnerConversations(resId);
  }
};
function registerChatPanelWidget() {
  registry12.category("view_widgets").add("cusoft_whatsapp_chat_panel", { component: ChatPanelWidget });
}

// static_src/odoo/conversation_actions.ts
import { session } from "@web/session";
import { user as user5 } from "@web/core/user";
import { registry as registry13 } from "@web/core/registry";
function crmBridgeInstalled() {
  return Boolean(session.cusoft_whatsapp_crm);
}
function addConversationActions(action, api, salesman, contactCreator) {
  conversationActions.add({
    id: "open_contact",
    label: _t("Open contact"),
    icon: "fa-user",
    sequence: 10,
    isAvailable: (conversation) => conversation.partner_id !== null,
    run: async (conversation) => {
      await action.doAction({
        type: "ir.actions.act_window",
        res_model: "res.partner",
        res_id: conversation.partner_id,
        views: [[false, "form"]]
      });
    }
  });
  conversationActions.add({
    id: "create_contact",
    label: _t("Create contact"),
    icon: "fa-user-plus",
    sequence: 10,
    // For a customer known only by number or username; the new contact opens to be completed.
    isAvailable: (conversation) => contactCreator && conversation.partner_id === null,
    run: async (conversation) => {
      const linked = await api.createContact(conversation.id);
      await action.doAction({
        type: "ir.actions.act_window",
        res_model: "res.partner",
        res_id: linked.partner_id,
        views: [[false, "form"]]
      });
    }
  });
  if (!crmBridgeInstalled() || !salesman) {
    return;
  }
  conversationActions.add({
    id: "create_lead",
    label: _t("Create lead"),
    icon: "fa-star",
    sequence: 20,
    isAvailable: () => true,
    run: async (conversation) => {
      const lead = await api.createLead(conversation.id);
      await action.doAction({
        type: "ir.actions.act_window",
        res_model: "crm.lead",
        res_id: lead.lead_id,
        views: [[false, "form"]]
      });
    }
  });
}
var conversationActionsService = {
  dependencies: ["action", EVERYWHERE_SERVICE],
  async start(_env, services) {
    const everywhere = services[EVERYWHERE_SERVICE];
    if (!everywhere) {
      return;
    }
    const salesman = crmBridgeInstalled() && await user5.hasGroup("sales_team.group_sale_salesman");
    const contactCreator = await user5.hasGroup("base.group_partner_manager");
    addConversationActions(services.action, everywhere.api, salesman, contactCreator);
  }
};
function registerConversationActions() {
  registry13.category("services").add("cusoft_whatsapp.conversation_actions", conversationActionsService);
}

// static_src/odoo/phone_field.ts
import { Component as Component34 } from "@odoo/owl";
import { PhoneField } from "@web/views/fields/phone/phone_field";
import { patch as patch3 } from "@web/core/utils/patch";
import { useService as useService10 } from "@web/core/utils/hooks";
var WhatsAppPhoneButton = class extends Component34 {
  static {
    this.template = "cusoft_whatsapp.PhoneButton";
  }
  static {
    this.props = ["*"];
  }
  setup() {
    this.services = useService10(EVERYWHERE_SERVICE);
    this.openConversation = useOpenConversation();
    this.notification = useService10("notification");
    this.action = useService10("action");
  }
  get phone() {
    const value = this.props.record.data[this.props.name];
    return typeof value === "string" ? value : "";
  }
  async onClick() {
    const [conversation] = await this.services.api.phoneConversations(this.phone);
    if (conversation) {
      await this.openConversation(conversation.id);
      return;
    }
    const { resModel, resId } = this.props.record;
    if (!resId) {
      this.notification.add(_t("Save the record first: a template is sent from a saved record."), { type: "info" });
      return;
    }
    await this.action.doAction({
      type: "ir.actions.act_window",
      res_model: "cusoft.whatsapp.composer",
      views: [[false, "form"]],
      target: "new",
      name: _t("Send WhatsApp"),
      context: { active_model: resModel, active_id: resId, active_ids: [resId] }
    });
  }
};
function installPhoneFieldButton() {
  patch3(PhoneField, { components: { ...PhoneField.components, WhatsAppPhoneButton } });
}

// static_src/odoo/inbox_action.ts
import { Component as Component36, onWillStart as onWillStart9 } from "@odoo/owl";
import { router as router2 } from "@web/core/browser/router";
import { registry as registry14 } from "@web/core/registry";
import { useService as useService11 } from "@web/core/utils/hooks";

// static_src/components/inbox/inbox.ts
import { Component as Component35, onMounted as onMounted7, onWillStart as onWillStart8, useRef as useRef7, useState as useState21 } from "@odoo/owl";

// static_src/domain/inbox_row.ts
function listTime(at, now) {
  if (!at) {
    return "";
  }
  const days = Math.round(now.startOf("day").diff(at.startOf("day"), "days").days);
  if (days <= 0) {
    return timeLabel(at);
  }
  if (days < 7) {
    return dayLabel(at, now);
  }
  return at.toLocaleString({ year: "2-digit", month: "2-digit", day: "2-digit" });
}
function unreadBadge(count2) {
  return count2 > 0 ? counterLabel(count2) : "";
}
function deliveryTick(state) {
  switch (state) {
    case "queued":
      return { symbol: "🕓", label: _t("Queued"), className: "o_cusoft_whatsapp_tick_queued" };
    case "sent":
      return { symbol: "✓", label: _t("Sent"), className: "o_cusoft_whatsapp_tick_sent" };
    case "delivered":
      return { symbol: "✓✓", label: _t("Delivered"), className: "o_cusoft_whatsapp_tick_delivered" };
    case "read":
      return { symbol: "✓✓", label: _t("Read"), className: "o_cusoft_whatsapp_tick_read" };
    case "failed":
      return { symbol: "⚠", label: _t("Not sent"), className: "o_cusoft_whatsapp_tick_failed text-danger" };
    default:
      return null;
  }
}
function previewText(type, preview) {
  if (preview) {
    return preview;
  }
  switch (type) {
    case "image":
      return _t("Photo");
    case "video":
      return _t("Video");
    case "audio":
      return _t("Audio");
    case "document":
      return _t("Document");
    case "sticker":
      return _t("Sticker");
    case "location":
      return _t("Location");
    case "contacts":
      return _t("Contact");
    default:
      return _t("Message");
  }
}

// static_src/components/inbox/inbox.ts
var LOAD_MORE_MARGIN = 200;
var Inbox = class extends Component35 {
  constructor() {
    super(...arguments);
    this.filters = [
      { value: "all", label: _t("All") },
      { value: "mine", label: _t("Mine") },
      { value: "unassigned", label: _t("Unassigned") },
      { value: "unread", label: _t("Unread") }
    ];
  }
  static {
    this.template = "cusoft_whatsapp.Inbox";
  }
  static {
    this.components = { ThreadPane, SetupChecklist };
  }
  static {
    this.props = {
      store: Object,
      numbers: Array,
      initialConversationId: { type: [Number, { value: null }], optional: true },
      onOpen: { type: Function, optional: true },
      noNumber: { type: [Object, { value: null }], optional: true },
      checklist: { type: [Object, { value: null }], optional: true },
      now: { type: Function, optional: true }
    };
  }
  setup() {
    this.storeState = useState21(this.props.store.state);
    this.ui = useState21({ focusedId: null, assignMenu: false, colleagues: null });
    this.listRef = useRef7("list");
    onWillStart8(async () => {
      await this.props.store.loadList();
    });
    onMounted7(() => {
      const initial = this.props.initialConversationId;
      if (initial) {
        void this.open(initial);
      }
    });
  }
  get list() {
    return this.storeState.list;
  }
  get rows() {
    const { conversations } = this.storeState;
    return this.list.ids.map((id) => conversations[id]).filter((c) => c !== void 0);
  }
  get active() {
    const id = this.storeState.activeConversationId;
    return id === null ? null : this.storeState.conversations[id] ?? null;
  }
  get activeId() {
    return this.storeState.activeConversationId;
  }
  get isEmpty() {
    return !this.list.loading && !this.list.error && this.list.ids.length === 0;
  }
  /** Nothing at all yet, as opposed to nothing matching the filters. */
  get isInboxEmpty() {
    return this.isEmpty && this.list.filter === "all" && !this.list.accountId && !this.list.search;
  }
  now() {
    return this.props.now ? this.props.now() : DateTime.now();
  }
  // ------------------------------------------------------------ row wording
  contactLine(conversation) {
    return conversation.phone ?? (conversation.username ? `@${conversation.username}` : "");
  }
  initials(conversation) {
    return initials(conversation.name);
  }
  time(conversation) {
    return listTime(conversation.last_message_at, this.now());
  }
  preview(conversation) {
    const last = conversation.last_message;
    return last ? previewText(last.type, last.preview) : "";
  }
  tick(conversation) {
    const last = conversation.last_message;
    return last && last.direction === "outbound" ? deliveryTick(last.state) : null;
  }
  badge(conversation) {
    return unreadBadge(conversation.unread_count);
  }
  unreadLabel(conversation) {
    return _t("%s unread messages", this.badge(conversation));
  }
  windowOpen(conversation) {
    return windowOpen(conversation, this.now());
  }
  windowLabel(conversation) {
    return this.windowOpen(conversation) ? _t("The 24-hour window is open: free messages allowed") : _t("The 24-hour window is closed: templates only");
  }
  numberName(conversation) {
    return this.props.numbers.length > 1 ? this.props.numbers.find((n) => n.id === conversation.account_id)?.name ?? "" : "";
  }
  rowId(conversation) {
    return `o_cusoft_whatsapp_conversation_${conversation.id}`;
  }
  // ------------------------------------------------------------ list actions
  setFilter(filter) {
    if (filter !== this.list.filter) {
      void this.props.store.loadList({ filter });
    }
  }
  setNumber(ev) {
    const value = Number(ev.target.value);
    void this.props.store.loadList({ accountId: value || null });
  }
  onSearchInput(ev) {
    this.props.store.setSearch(ev.target.value);
  }
  onListScroll() {
    const el = this.listRef.el;
    if (el && el.scrollTop + el.clientHeight >= el.scrollHeight - LOAD_MORE_MARGIN) {
      void this.props.store.loadMoreConversations();
    }
  }
  loadMore() {
    void this.props.store.loadMoreConversations();
  }
  reload() {
    void this.props.store.loadList();
  }
  async open(conversationId) {
    this.ui.focusedId = conversationId;
    this.ui.assignMenu = false;
    this.ui.colleagues = null;
    this.props.onOpen?.(conversationId);
    await this.props.store.openConversation(conversationId);
  }
  close() {
    const active = this.activeId;
    this.props.store.closeConversation();
    this.ui.assignMenu = false;
    this.props.onOpen?.(null);
    this.ui.focusedId = active;
    this.listRef.el?.querySelector(".o_cusoft_whatsapp_conversations")?.focus();
  }
  /** Up/Down move through the rows, Enter opens, Esc closes (WhatsApp Web's keys). */
  onListKeydown(ev) {
    const ids = this.list.ids;
    if (!ids.length) {
      return;
    }
    const current = this.ui.focusedId ?? this.activeId;
    const index = current === null ? -1 : ids.indexOf(current);
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      const next = ev.key === "ArrowDown" ? Math.min(index + 1, ids.length - 1) : Math.max(index - 1, 0);
      this.ui.focusedId = ids[next];
      this.listRef.el?.querySelector(`#o_cusoft_whatsapp_conversation_${this.ui.focusedId}`)?.scrollIntoView?.({ block: "nearest" });
      if (next >= ids.length - 3) {
        void this.props.store.loadMoreConversations();
      }
    } else if (ev.key === "Enter" && index >= 0) {
      ev.preventDefault();
      void this.open(ids[index]);
    }
  }
  /** Esc anywhere in the inbox goes back to the list, unless a part of the thread used it (closing a reply…). */
  onKeydown(ev) {
    if (ev.key === "Escape" && !ev.defaultPrevented && this.activeId !== null) {
      ev.preventDefault();
      this.close();
    }
  }
  // ------------------------------------------------------------ assignment
  isMine(conversation) {
    return conversation.assignee?.id === this.props.store.userId;
  }
  claim() {
    if (this.activeId !== null) {
      void this.props.store.claim(this.activeId);
    }
  }
  release() {
    if (this.activeId !== null) {
      void this.props.store.release(this.activeId);
    }
  }
  async toggleAssignMenu() {
    const id = this.activeId;
    this.ui.assignMenu = !this.ui.assignMenu;
    if (this.ui.assignMenu && id !== null) {
      this.ui.colleagues = null;
      const colleagues = await this.props.store.colleagues(id);
      if (this.activeId === id) {
        this.ui.colleagues = colleagues;
      }
    }
  }
  assignTo(userId) {
    this.ui.assignMenu = false;
    if (this.activeId !== null) {
      void this.props.store.assign(this.activeId, userId);
    }
  }
  dismissNotice() {
    this.props.store.dismissNotice();
  }
};

// static_src/odoo/inbox_action.ts
var URL_KEY = "conversation_id";
var WhatsAppInboxAction = class extends Component36 {
  constructor() {
    super(...arguments);
    this.numbers = [];
    this.noNumber = null;
    this.checklist = null;
  }
  static {
    this.template = "cusoft_whatsapp.WhatsAppInboxAction";
  }
  static {
    this.components = { Inbox };
  }
  static {
    this.props = ["*"];
  }
  setup() {
    this.store = useService11(INBOX_SERVICE);
    const action = useService11("action");
    useOdooChatIntegrations();
    onWillStart9(async () => {
      try {
        const api = odooWhatsAppApi();
        const overview = await api.overview();
        this.checklist = overview.can_manage ? { api, copy: (text2) => navigator.clipboard.writeText(text2) } : null;
        this.numbers = overview.accounts.map((a) => ({ id: a.id, name: a.display_phone_number ? `${a.name} (${a.display_phone_number})` : a.name }));
        this.noNumber = overview.accounts.length ? null : {
          canManage: overview.can_manage,
          openSetup: () => void action.doAction("cusoft_whatsapp.cusoft_whatsapp_home_action")
        };
      } catch {
        this.numbers = [];
      }
    });
  }
  /**
   * `conversation_id` in the action's params or context (links from elsewhere), or in the URL
   * (a reload, a shared link: Odoo hands the URL's state to the action as `context.params`).
   */
  get initialConversationId() {
    const action = this.props.action;
    const value = action?.params?.[URL_KEY] ?? action?.context?.[URL_KEY] ?? action?.context?.params?.[URL_KEY];
    return typeof value === "number" && value > 0 ? value : null;
  }
  /** Keeps the open conversation in the URL, as Discuss keeps its thread. */
  onOpen(conversationId) {
    router2.pushState({ [URL_KEY]: conversationId ?? void 0 });
  }
};
function registerInboxAction() {
  registry14.category("actions").add("cusoft_whatsapp.inbox", WhatsAppInboxAction);
}

// static_src/main.ts
installOdooTranslator();
registerHomeAction();
registerNumbersWidget();
registerAccountCardWidget();
registerConnectWidget();
registerInboxService();
registerEverywhereServices();
registerSystray();
registerCustomerNotifications();
registerDiscussSidebar();
installDiscussMainArea();
installMessagingMenuTab();
registerChatPanelWidget();
registerConversationActions();
installPhoneFieldButton();
registerInboxAction();
registerSetupChecklistWidget();
export {
  ThreadPane,
  WhatsAppApi,
  WhatsAppHome,
  useOdooChatIntegrations
};
