/**
 * The wording each privacy-policy item is recognised by (the README's table lists the same words). Every pattern
 * is bounded (`[^。]{0,N}`), so none can backtrack over a run of its input; sentences are matched one at a time.
 */
import { splitSentences } from './normalise';
import type { TermsDocument } from './types';

export interface PolicySentence {
  text: string;
  selector: string;
}

/** Every sentence of a privacy policy, with the selector of the clause it is in; none for any other document. */
export function policySentences(doc: TermsDocument | undefined): PolicySentence[] | null {
  if (!doc || doc.kind !== 'privacy-policy') return null;
  return doc.clauses.flatMap((clause) => splitSentences(clause.text).map((text) => ({ text, selector: clause.selector ?? '' })));
}

export function firstMatch(sentences: readonly PolicySentence[], pattern: RegExp): PolicySentence | undefined {
  return sentences.find((sentence) => pattern.test(sentence.text));
}

export const HANDLER_NAME = /[\u4e00-\u9fa5（）()]{2,40}(?:有限责任公司|股份有限公司|有限公司|集团)|[A-Z][\w&.,\s]{1,60}(?:Co\.,?\s?Ltd|Inc\.|Limited|Corporation)/;
export const HANDLER_CONTACT =
  /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}|(?:400|800)[-\s]?\d{3}[-\s]?\d{4}|0\d{2,3}[-\s]?\d{7,8}|1[3-9]\d{9}|(?:联系|注册|办公|通信|通讯)地址|(?:客服|服务)(?:电话|热线)[:：]?\s{0,2}\d{3,5}/;
export const CONTACT_HEADING = /联系我们|如何联系|contact\s+us/i;

/** `用于` but not `适用于` (applies to), which every policy says of itself. */
export const PURPOSE =
  /(?:收集|使用|处理)[^。]{0,60}(?:目的|(?<!适)用于|为了|以便|为实现|为向您提供)|(?:目的|(?<!适)用于|为了|以便|为实现|为向您提供)[^。]{0,60}(?:收集|使用|处理)/;
export const METHOD = /主动提供|自动(?:收集|获取|记录)|通过[^。]{0,20}(?:收集|获取)|间接(?:收集|获取)|从第三方[^。]{0,10}获取|Cookie|SDK/i;
export const KINDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['name', /姓名|真实姓名|昵称/],
  ['phone', /手机号|电话号码|联系电话/],
  ['identity', /身份证/],
  ['address', /收货地址|地址信息|联系地址/],
  ['device', /设备信息|设备标识|设备型号|IMEI|MAC地址|Android\s?ID|IDFA/i],
  ['location', /位置信息|地理位置|GPS|定位/],
  ['payment', /银行卡|支付信息|支付账号|账户余额/],
  ['logs', /浏览记录|搜索记录|日志信息|访问记录/],
  ['orders', /订单信息|交易信息|交易记录|购买记录/],
  ['email', /电子邮箱|电子邮件地址|邮箱地址/],
  ['ip', /IP\s?地址/i],
];
export const MIN_KINDS = 2;

export const RETENTION =
  /(?:保存|保留|存储)(?:期限|期间|时间)|(?:所需|必要|最短)的?(?:期限|时间)内?[^。]{0,30}(?:保存|保留|存储)|(?:保存|保留|存储)[^。]{0,30}(?:最短|必要的?期限|期满|届满|\d{1,3}\s{0,2}(?:年|个月|日|天))|期限届满|retain[^.]{0,60}(?:for|until|period)|retention\s+period/i;
export const RETENTION_HINT = /(?:保存|存储|保留)[^。]{0,10}(?:个人信息|您的信息|用户信息)|store\s+your/i;

export const RIGHTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['privacy_right_access', /查阅|查询|访问您的|访问个人信息/],
  ['privacy_right_copy', /复制|副本/],
  ['privacy_right_correct', /更正|补充/],
  ['privacy_right_delete', /删除/],
  ['privacy_right_withdraw', /(?:撤回|撤销|改变|关闭)[^。]{0,10}(?:同意|授权)/],
  ['privacy_right_close_account', /注销/],
];

export const SHARING_LIST = /(?:第三方|合作方|合作伙伴|SDK|共享)[^。]{0,20}(?:清单|列表|目录|名单)/i;
export const NOT_SHARED = /不会(?:与|向)[^。]{0,20}(?:第三方|其他公司|任何公司|任何组织)[^。]{0,20}(?:共享|提供|转让|出售)/;
export const EXCEPTION = /除外|但(?:是|以下)|except/i;
/** Sharing mentioned without saying with whom: the words 共享/分享 first, then the looser 提供给/披露. */
export const SHARING_HINTS: readonly RegExp[] = [
  /(?:共享|分享|转让|公开披露)[^。]{0,30}(?:第三方|合作|关联公司|其他公司)|(?:第三方|合作伙伴|合作方|关联公司)[^。]{0,20}(?:共享|分享)/,
  /(?:提供给|披露给|提供至)[^。]{0,20}(?:第三方|合作|关联公司|其他公司)/,
];

export const UNDER_FOURTEEN = /(?:不满|未满)\s{0,2}(?:十四|14)\s{0,2}周岁|(?:十四|14)\s{0,2}周岁以下|under\s+(?:the\s+age\s+of\s+)?14/i;
export const GUARDIAN_CONSENT = /(?:监护人|父母)[^。]{0,20}(?:同意|授权)|parental\s+consent/i;
export const MINORS_HINT = /未成年人|儿童|minors?\b|children/i;

/** A transfer abroad, not a mention of cross-border shopping (跨境交易). */
export const CROSS_BORDER =
  /(?:向|传输|传输至|提供|提供至|转移|存储于|存储在|位于)[^。]{0,10}境外|境外[^。]{0,10}(?:传输|提供|存储|接收方|服务器)|跨境(?:传输|提供|转移)|出境|cross-border\s+transfer|transfer[^.]{0,30}(?:outside|abroad)/i;
export const CROSS_BORDER_SAFEGUARD = /单独(?:的)?(?:同意|授权)|境外接收方[^。]{0,40}(?:名称|联系方式)|安全评估|标准合同|个人信息保护认证/;
export const STORED_IN_CHINA = /(?:存储|存放|保存)[^。]{0,20}境内/;
export const NOT_ABROAD = /(?:不会|不)[^。]{0,20}(?:境外|出境)/;
