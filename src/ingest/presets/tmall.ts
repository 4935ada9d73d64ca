import type { Preset, PresetRules } from './types.ts';

/**
 * 天猫 / 淘宝 订单报表 (the seller centre's order report, 已卖出的宝贝 → 批量导出): one row per order,
 * `订单编号`, `买家会员名`, `总金额` (list), `买家实际支付金额` (paid), `订单状态`, `订单创建时间`,
 * `订单付款时间` (empty = not paid), `退款金额`, `收货地址`. The paid amount is the amount; a row
 * without a payment time is excluded as unpaid; refunds are netted (docs/data.md#refunds). Checked
 * against a real 天猫 report (订单编号, 总金额, 买家实际支付金额, 收货地址, 订单创建时间, 订单付款时间,
 * 退款金额); 买家会员名 and 订单状态 from Taobao's documented report columns.
 */
export const tmall: Preset = {
  orders: {
    order_id: ['订单编号', '订单号', '主订单编号'],
    customer_id: ['买家会员名', '买家昵称', '买家ID', '买家会员ID'],
    order_date: ['订单创建时间', '创建时间', '下单时间'],
    amount: ['买家实际支付金额', '实付金额', '买家实付金额'],
    refund_amount: ['退款金额'],
    paid_at: ['订单付款时间', '付款时间'],
    status: ['订单状态', '交易状态'],
    channel: ['是否手机订单', '订单来源'],
    product: ['宝贝标题', '商品标题'],
    region: ['收货地址', '收货省份', '省份'],
  },
};

/** 订单状态: paid and not closed are sales; 交易关闭 (closed unpaid or refunded in full) and 等待买家付款 are not. */
export const tmallRules: PresetRules = {
  statuses: [
    {
      headers: ['订单状态', '交易状态'],
      keep: ['交易成功', '卖家已发货，等待买家确认', '买家已付款，等待卖家发货', '卖家部分发货', '等待卖家发货', '等待买家确认收货'],
      exclude: ['交易关闭', '等待买家付款', '交易取消', '已关闭'],
    },
  ],
};
