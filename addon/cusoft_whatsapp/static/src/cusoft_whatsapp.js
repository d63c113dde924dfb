/** @odoo-module */

// static_src/odoo/home_action.ts
import { Component as Component2 } from "@odoo/owl";
import { registry as registry2 } from "@web/core/registry";
import { user } from "@web/core/user";

// static_src/components/home/home.ts
import { Component, onWillStart, useState } from "@odoo/owl";

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

// static_src/components/home/home.ts
var WhatsAppHome = class extends Component {
  static {
    this.template = "cusoft_whatsapp.WhatsAppHome";
  }
  static {
    this.props = {
      api: Object,
      openSettings: Function,
      openAccount: { type: Function, optional: true },
      openDeliveries: { type: Function, optional: true },
      showTitle: { type: Boolean, optional: true }
    };
  }
  static {
    this.defaultProps = { showTitle: true };
  }
  setup() {
    this.state = useState({ status: "loading", overview: null, error: "" });
    onWillStart(() => this.load());
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
  let count = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count--;
      i++;
    }
  }
  return count;
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
function nameStatusBadge(status) {
  switch (status) {
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
      return { label: status, tone: "muted" };
  }
}
function formatCount(count) {
  return count.toLocaleString(DateTime.local().resolvedLocaleOptions().locale);
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
  "/cusoft_whatsapp/chat/counters": countersSchema,
  "/cusoft_whatsapp/chat/templates": templateListSchema,
  // The CRM bridge (cusoft_whatsapp_crm): present only when crm is installed.
  "/cusoft_whatsapp/crm/create_lead": leadCreatedSchema,
  "/cusoft_whatsapp/crm/lead_conversations": conversationPageSchema
};

// static_src/api/client.ts
var WhatsAppApi = class {
  constructor(rpc2) {
    this.rpc = rpc2;
  }
  overview() {
    return this.call("/cusoft_whatsapp/overview");
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
  signupComplete(state, code, session) {
    return this.call("/cusoft_whatsapp/signup/complete", { state, code, session: session && sessionParams(session) });
  }
  /** Runs the next pending onboarding step (or resumes a failed one). */
  signupStep(onboardingId) {
    return this.call("/cusoft_whatsapp/signup/step", { onboarding_id: onboardingId });
  }
  /** Records a cancelled or failed popup for the audit trail and for support (Meta's session id). */
  signupAbandon(state, session) {
    return this.call("/cusoft_whatsapp/signup/abandon", { state, session });
  }
  async call(route, params) {
    let raw;
    try {
      raw = await this.rpc(route, params);
    } catch (error) {
      throw ApiError.unreachable(route, error);
    }
    const parsed = ROUTES[route].safeParse(raw);
    if (!parsed.success) {
      throw ApiError.unexpectedAnswer(route, parsed.error);
    }
    return parsed.data;
  }
};
function sessionParams(session) {
  const params = { event: session.event };
  for (const key of ["waba_id", "phone_number_id", "business_id"]) {
    const value = session[key];
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
var WhatsAppHomeAction = class extends Component2 {
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
  }
};
function registerHomeAction() {
  registry2.category("actions").add("cusoft_whatsapp.home", WhatsAppHomeAction);
}

// static_src/odoo/numbers_widget.ts
import { Component as Component3 } from "@odoo/owl";
import { registry as registry3 } from "@web/core/registry";
var NumbersWidget = class extends Component3 {
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
import { Component as Component5 } from "@odoo/owl";
import { registry as registry4 } from "@web/core/registry";

// static_src/components/account_card/account_card.ts
import { Component as Component4, markRaw, onMounted, onPatched, onWillStart as onWillStart2, onWillUnmount, useRef, useState as useState2 } from "@odoo/owl";

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
var AccountCard = class extends Component4 {
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
    this.state = useState2({
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
    onWillStart2(() => this.load());
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
var AccountCardWidget = class extends Component5 {
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
import { Component as Component7, useState as useState4 } from "@odoo/owl";
import { registry as registry5 } from "@web/core/registry";

// static_src/components/embedded_signup/embedded_signup.ts
import { Component as Component6, onMounted as onMounted2, onPatched as onPatched2, onWillUnmount as onWillUnmount2, useRef as useRef2, useState as useState3 } from "@odoo/owl";

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
  const session = { event: event.event, waba_id: event.waba_id };
  if (event.phone_number_id !== void 0) {
    session.phone_number_id = event.phone_number_id;
  }
  if (event.business_id !== void 0) {
    session.business_id = event.business_id;
  }
  return session;
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
var EmbeddedSignup = class extends Component6 {
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
    this.state = useState3(freshState("idle"));
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
  async complete(code, session) {
    const attempt = this.attempt;
    const start = this.start;
    if (!start) {
      return;
    }
    this.state.phase = "onboarding";
    try {
      await this.follow(attempt, await this.props.api.signupComplete(start.state, code, session));
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
var ConnectWidget = class extends Component7 {
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
    this.connected = useState4({ accountId: null });
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

// static_src/odoo/translation.ts
import { _t as odooTranslate } from "@web/core/l10n/translation";
function installOdooTranslator() {
  setTranslator((term) => String(odooTranslate(term)));
}

// static_src/main.ts
installOdooTranslator();
registerHomeAction();
registerNumbersWidget();
registerAccountCardWidget();
registerConnectWidget();
export {
  WhatsAppApi,
  WhatsAppHome
};
