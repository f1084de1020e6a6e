import { describe, expect, it } from 'vitest';
import { looksLikeAddress, parsePhone } from '@/rules/detectors/contact';
import { namesUserContent } from '@/rules/detectors/context';
import { factsOf } from '../gather/support/dom';

describe('parsePhone', () => {
  it.each([
    ['13812345678', '13812345678', 'mobile'],
    ['185-0130-1238', '18501301238', 'mobile'],
    ['400-656-1155', '4006561155', 'hotline'],
    ['4001-151-161', '4001151161', 'hotline'],
    ['4006561155-3', '4006561155-3', 'hotline'],
    ['0571-81683755', '057181683755', 'landline'],
    ['021-60841111-3612', '02160841111-3612', 'landline'],
    ['(010)56733456', '01056733456', 'landline'],
    ['010-5673 3456 转 808', '01056733456-808', 'landline'],
    ['400-610-1360转601382', '4006101360-601382', 'hotline'],
    ['+86 138 1234 5678', '13812345678', 'international'],
    ['0086-21-6084-1111', '02160841111', 'international'],
  ])('%s', (raw, normalized, kind) => {
    expect(parsePhone(raw)).toMatchObject({ normalized, kind });
  });

  it.each(['2017-04-06', '11000002000088', '3360005', '12345678901', '1109364', '2014-0008'])('%s is no phone', (raw) => {
    expect(parsePhone(raw)).toBeNull();
  });
});

describe('phones in pages', () => {
  it('takes labelled and unmistakably formatted numbers', () => {
    const facts = factsOf(
      '<footer><p>客服热线：4006561155</p><p>举报电话：0571-81683755</p><p>售后：400-866-5555</p>' +
        '<dl><dt>咨询热线：</dt><dd>13812345678</dd></dl></footer>',
    );
    expect(facts.phones.map((p) => p.normalized)).toEqual(['4006561155', '057181683755', '4008665555', '13812345678']);
  });

  it('ignores prices, ids, sales counts, dates and bare digit runs', () => {
    const facts = factsOf(
      '<div><p>¥4006561155</p><p>商品编号：13812345678</p><p>人气3360005</p><p>2017-04-06 上架</p>' +
        '<p>13812345678</p><p>月销 4006561155 件</p><p>传真：010-56733456</p></div>',
    );
    expect(facts.phones).toEqual([]);
  });

  it('ignores numbers in buyers’ Q&A', () => {
    const facts = factsOf(
      '<div class="consult-0"><dl class="answer"><dd>您好！请拨打售后服务热线95105596</dd></dl></div>' +
        '<div class="review"><p>客服电话 13812345678 态度很好</p></div><p>您好！欢迎致电 400-123-4567</p>',
    );
    expect(facts.phones).toEqual([]);
  });

  it('knows user-content containers by their class words', () => {
    for (const hint of ['consult-0', 'J_askAnswer', 'comment_list', 'rate-grid', 'evaluation-box', 'qa']) {
      expect(namesUserContent(hint), hint).toBe(true);
    }
    for (const hint of ['footer', 'corporate-info', 'task-bar', 'service-hotline']) expect(namesUserContent(hint), hint).toBe(false);
  });

  it('does not read the page-wide body class as a Q&A section', () => {
    const facts = factsOf('<html><body class="page-qa"><footer><p>客服热线：400-123-4567</p></footer></body></html>');
    expect(facts.phones.map((p) => p.normalized)).toEqual(['4001234567']);
  });

  it('keeps hidden numbers as hidden facts', () => {
    const facts = factsOf('<p style="display:none">客服电话：400-123-4567</p>');
    expect(facts.phones[0]).toMatchObject({ normalized: '4001234567', visible: false, hiddenReason: 'display-none' });
  });
});

describe('e-mail, postal code and address', () => {
  it('finds e-mails, not image names', () => {
    const facts = factsOf(
      '<p>总裁邮箱 ceo@mia.com</p><p>logo@2x.png</p><a href="mailto:help@shop.cn">联系我们</a><p>x@y</p>',
    );
    expect(facts.emails.map((e) => e.text)).toEqual(['ceo@mia.com', 'help@shop.cn']);
  });

  it('finds labelled postal codes only', () => {
    const facts = factsOf('<p>邮编：100020</p><p>Postcode: 310052</p><p>订单 100020</p>');
    expect(facts.postalCodes.map((p) => p.text)).toEqual(['100020', '310052']);
  });

  it('finds Chinese and English addresses, not shop URLs', () => {
    const facts = factsOf(
      '<p>公司地址：上海市闵行区合川路2679号虹桥商务广场B座3A楼303-305 | 电话</p>' +
        '<p>店铺地址：wa.571xz.com/shop.htm?id=40470</p>' +
        '<p>Address: 969 Wenyi West Road, Yuhang District, Hangzhou City, China</p>' +
        '<p>欢迎光临浙江省杭州市余杭区文一西路969号</p><p>地址：北京市朝阳区建国路88号电话：010-56733456</p>',
    );
    expect(facts.addresses.map((a) => a.text)).toEqual([
      '上海市闵行区合川路2679号虹桥商务广场B座3A楼303-305',
      '969 Wenyi West Road, Yuhang District, Hangzhou City, China',
      '北京市朝阳区建国路88号',
      '浙江省杭州市余杭区文一西路969号',
    ]);
  });

  it('finds an English address without a label or a City part', () => {
    const facts = factsOf('<p>Visit us at 18F, No. 1 Jianguomenwai Avenue, Chaoyang District, Beijing, China.</p>');
    expect(facts.addresses.map((a) => a.text)).toEqual(['18F, No. 1 Jianguomenwai Avenue, Chaoyang District, Beijing, China']);
  });

  it('ignores an address inside an HTML comment', () => {
    expect(factsOf('<p><!--地址：北京市朝阳区朝外大街10号 7层--></p>').addresses).toEqual([]);
  });

  it('judges labelled values', () => {
    expect(looksLikeAddress('北京市朝阳区朝外大街10号')).toBe(true);
    expect(looksLikeAddress('wa.571xz.com/shop.htm?id=40470')).toBe(false);
    expect(looksLikeAddress('暂无')).toBe(false);
  });
});
