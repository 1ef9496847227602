/**
 * The only door to WPS's object model. Everything else in the WPS host takes a `WpsApi`, so tests
 * hand in the fake ET (test/support/fakeEt) instead of the real one.
 *
 * ET is synchronous (each call goes to WPS and back at once, as in VBA), but the pane's code is
 * shared with Excel, whose calls are asynchronous: so `run` returns a Promise, which the WPS
 * implementation resolves as soon as the job returns. A job that throws rejects it.
 */
import type { EtApplication } from './et';

export interface WpsApi {
  run<T>(job: (app: EtApplication) => T): Promise<T>;
}

/** Runs a job against an ET Application (the real one, or the fake ET in tests). */
export function etApi(app: EtApplication): WpsApi {
  return {
    run: <T>(job: (app: EtApplication) => T): Promise<T> => {
      try {
        return Promise.resolve(job(app));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
}

/**
 * The Application WPS gives an add-in's pages as a global ("WPS 加载项…通过调用网页中 JavaScript
 * 方法来完成其功能逻辑", https://developer.aliyun.com/article/1257556; the object is `window.Application`).
 */
export function wpsApi(): WpsApi {
  const app = (globalThis as { Application?: EtApplication }).Application;
  if (!app) throw new Error('keytask: not running inside WPS (no window.Application)');
  return etApi(app);
}
