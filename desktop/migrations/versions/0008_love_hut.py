"""The love hut: the hut of each village, item categories, the city's catalogue and the village's items, donors,
posted documents and their stock movements, transfers and what arrived of them, points rules and entries, closed
months; drafts and counts in progress, kept on their PC."""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('city_items',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('tracks_expiry', sa.Boolean(), nullable=False),
    sa.Column('barcode', sa.String(length=32), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('city_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_city_items_barcode'), ['barcode'], unique=False)

    op.create_table('donors',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('contact', sa.String(length=64), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('named_in_notice', sa.Boolean(), nullable=False),
    sa.Column('sponsor_id', sa.String(length=36), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('sort_key', sa.String(length=200), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('hut_documents',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('happened_on', sa.String(length=10), nullable=False),
    sa.Column('posted_on', sa.String(length=10), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('donor_id', sa.String(length=36), nullable=False),
    sa.Column('recipient_kind', sa.String(length=16), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('activity_id', sa.String(length=36), nullable=False),
    sa.Column('to_village_code', sa.String(length=12), nullable=False),
    sa.Column('transfer_id', sa.String(length=36), nullable=False),
    sa.Column('corrects_id', sa.String(length=36), nullable=False),
    sa.Column('cash_amount', sa.Float(), nullable=False),
    sa.Column('cash_charity', sa.String(length=200), nullable=False),
    sa.Column('cash_receipt', sa.String(length=64), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('recorded_by_name', sa.String(length=64), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('hut_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hut_documents_corrects_id'), ['corrects_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hut_documents_donor_id'), ['donor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hut_documents_household_id'), ['household_id'], unique=False)
        batch_op.create_index('ix_hut_documents_list', ['kind', 'happened_on', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hut_documents_month'), ['month'], unique=False)
        batch_op.create_index(batch_op.f('ix_hut_documents_number'), ['number'], unique=False)

    op.create_table('hut_drafts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('happened_on', sa.String(length=10), nullable=False),
    sa.Column('donor_id', sa.String(length=36), nullable=False),
    sa.Column('recipient_kind', sa.String(length=16), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('activity_id', sa.String(length=36), nullable=False),
    sa.Column('to_village_code', sa.String(length=12), nullable=False),
    sa.Column('cash_amount', sa.Float(), nullable=False),
    sa.Column('cash_charity', sa.String(length=200), nullable=False),
    sa.Column('cash_receipt', sa.String(length=64), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('hut_months',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('published_on', sa.String(length=10), nullable=False),
    sa.Column('published_by_name', sa.String(length=64), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('huts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('opened_on', sa.String(length=10), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('item_categories',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('items',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('tracks_expiry', sa.Boolean(), nullable=False),
    sa.Column('barcode', sa.String(length=32), nullable=False),
    sa.Column('city_item_id', sa.String(length=36), nullable=False),
    sa.Column('shelf', sa.String(length=32), nullable=False),
    sa.Column('points_price', sa.Integer(), nullable=False),
    sa.Column('low_stock', sa.Float(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('sort_key', sa.String(length=200), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_items_barcode'), ['barcode'], unique=False)

    op.create_table('points_entries',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('happened_on', sa.String(length=10), nullable=False),
    sa.Column('rule_code', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('approved_by', sa.String(length=64), nullable=False),
    sa.Column('document_id', sa.String(length=36), nullable=False),
    sa.Column('service_hours_id', sa.String(length=36), nullable=False),
    sa.Column('reverses_id', sa.String(length=36), nullable=False),
    sa.Column('recorded_by_name', sa.String(length=64), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('points_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_points_entries_document_id'), ['document_id'], unique=False)
        batch_op.create_index('ix_points_entries_ledger', ['household_id', 'happened_on', 'points', 'deleted'], unique=False)

    op.create_table('points_rules',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('stock_movements',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('document_id', sa.String(length=36), nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('happened_on', sa.String(length=10), nullable=False),
    sa.Column('quantity', sa.Float(), nullable=False),
    sa.Column('unit_value', sa.Float(), nullable=False),
    sa.Column('condition', sa.String(length=8), nullable=False),
    sa.Column('expires_on', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('transfer_line_id', sa.String(length=36), nullable=False),
    sa.Column('reverses_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_movements_document_id'), ['document_id'], unique=False)
        batch_op.create_index('ix_stock_movements_ledger', ['item_id', 'happened_on', 'quantity', 'deleted'], unique=False)

    op.create_table('stocktakes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('started_on', sa.String(length=10), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('shelf', sa.String(length=32), nullable=False),
    sa.Column('blind', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('document_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('transfer_lines',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('to_village_code', sa.String(length=12), nullable=False),
    sa.Column('transfer_id', sa.String(length=36), nullable=False),
    sa.Column('item_name', sa.String(length=100), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('city_item_id', sa.String(length=36), nullable=False),
    sa.Column('barcode', sa.String(length=32), nullable=False),
    sa.Column('quantity', sa.Float(), nullable=False),
    sa.Column('unit_value', sa.Float(), nullable=False),
    sa.Column('condition', sa.String(length=8), nullable=False),
    sa.Column('expires_on', sa.String(length=10), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('transfer_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfer_lines_transfer_id'), ['transfer_id'], unique=False)

    op.create_table('transfer_receipts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('to_village_code', sa.String(length=12), nullable=False),
    sa.Column('transfer_id', sa.String(length=36), nullable=False),
    sa.Column('transfer_line_id', sa.String(length=36), nullable=False),
    sa.Column('received', sa.Float(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('received_on', sa.String(length=10), nullable=False),
    sa.Column('document_id', sa.String(length=36), nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('received_by_name', sa.String(length=64), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('transfer_receipts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfer_receipts_transfer_id'), ['transfer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfer_receipts_transfer_line_id'), ['transfer_line_id'], unique=False)

    op.create_table('transfers',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('to_village_code', sa.String(length=12), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('sent_on', sa.String(length=10), nullable=False),
    sa.Column('document_id', sa.String(length=36), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('sent_by_name', sa.String(length=64), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfers_to_village_code'), ['to_village_code'], unique=False)

    op.create_table('hut_draft_lines',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('draft_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('quantity', sa.Float(), nullable=False),
    sa.Column('unit_value', sa.Float(), nullable=False),
    sa.Column('condition', sa.String(length=8), nullable=False),
    sa.Column('expires_on', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['hut_drafts.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('hut_draft_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hut_draft_lines_draft_id'), ['draft_id'], unique=False)

    op.create_table('stocktake_lines',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('stocktake_id', sa.String(length=36), nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('expected', sa.Float(), nullable=False),
    sa.Column('counted', sa.Float(), nullable=True),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['stocktake_id'], ['stocktakes.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stocktake_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stocktake_lines_stocktake_id'), ['stocktake_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('stocktake_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stocktake_lines_stocktake_id'))

    op.drop_table('stocktake_lines')
    with op.batch_alter_table('hut_draft_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hut_draft_lines_draft_id'))

    op.drop_table('hut_draft_lines')
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfers_to_village_code'))

    op.drop_table('transfers')
    with op.batch_alter_table('transfer_receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_receipts_transfer_line_id'))
        batch_op.drop_index(batch_op.f('ix_transfer_receipts_transfer_id'))

    op.drop_table('transfer_receipts')
    with op.batch_alter_table('transfer_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_lines_transfer_id'))

    op.drop_table('transfer_lines')
    op.drop_table('stocktakes')
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_movements_ledger')
        batch_op.drop_index(batch_op.f('ix_stock_movements_document_id'))

    op.drop_table('stock_movements')
    op.drop_table('points_rules')
    with op.batch_alter_table('points_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_points_entries_ledger')
        batch_op.drop_index(batch_op.f('ix_points_entries_document_id'))

    op.drop_table('points_entries')
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_items_barcode'))

    op.drop_table('items')
    op.drop_table('item_categories')
    op.drop_table('huts')
    op.drop_table('hut_months')
    op.drop_table('hut_drafts')
    with op.batch_alter_table('hut_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hut_documents_number'))
        batch_op.drop_index(batch_op.f('ix_hut_documents_month'))
        batch_op.drop_index('ix_hut_documents_list')
        batch_op.drop_index(batch_op.f('ix_hut_documents_household_id'))
        batch_op.drop_index(batch_op.f('ix_hut_documents_donor_id'))
        batch_op.drop_index(batch_op.f('ix_hut_documents_corrects_id'))

    op.drop_table('hut_documents')
    op.drop_table('donors')
    with op.batch_alter_table('city_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_city_items_barcode'))

    op.drop_table('city_items')
