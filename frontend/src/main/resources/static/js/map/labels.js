// The labels the page rendered in the reader's language (hidden list #map-labels), and formatting helpers.

const labels = {};
document.querySelectorAll('#map-labels [data-key]').forEach((item) => {
  labels[item.dataset.key] = item.textContent;
});

const page = document.getElementById('map-page');
export const locale = (page && page.dataset.locale) || document.documentElement.lang || 'zh-TW';
export const english = locale.toLowerCase().startsWith('en');

/** The label of a key with {0}, {1}… replaced by the arguments. */
export function t(key, ...args) {
  let text = Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : key;
  args.forEach((arg, i) => {
    text = text.split(`{${i}}`).join(String(arg));
  });
  return text;
}

/** An area's or reference's name in the UI language (English when reading English and there is one). */
export function nameOf(item) {
  if (!item) {
    return '';
  }
  if (typeof item === 'string') {
    return item;
  }
  const zh = item.nameZh || item.name_zh || item.name;
  const en = item.nameEn || item.name_en;
  return (english && en) || zh || en || item.code || '';
}

const serverSkew = (() => {
  const now = page && Date.parse(page.dataset.serverNow);
  return Number.isFinite(now) ? now - Date.now() : 0;
})();

/** The server's clock as well as the page knows it. */
export function serverNow() {
  return Date.now() + serverSkew;
}

/** How long since an instant, e.g. "3 h 20 min". */
export function durationSince(iso) {
  const since = Date.parse(iso);
  if (!Number.isFinite(since)) {
    return '';
  }
  const minutes = Math.max(0, Math.floor((serverNow() - since) / 60000));
  if (minutes < 60) {
    return t('duration.minutes', minutes);
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return t('duration.hours', hours, minutes % 60);
  }
  return t('duration.days', Math.floor(hours / 24), hours % 24);
}

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23',
});

/** ISO form in Taipei time, as the server's pages write it: 2026-11-28 16:26. */
const dateTime = {
  format(date) {
    const part = Object.fromEntries(dateTimeParts.formatToParts(date).map((p) => [p.type, p.value]));
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
  },
};

/** An instant in Taipei time (ISO form); a plain date (yyyy-mm-dd) as it is. */
export function formatTime(value) {
  if (value == null || value === '') {
    return '—';
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
    return String(value);
  }
  const time = Date.parse(value);
  return Number.isFinite(time) ? dateTime.format(new Date(time)) : String(value);
}

export function formatNumber(value, digits = 0) {
  if (value == null || !Number.isFinite(Number(value))) {
    return '—';
  }
  return Number(value).toLocaleString(english ? 'en' : 'zh-TW', {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  });
}
