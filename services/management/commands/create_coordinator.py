from services.actions import coordinator_save
from services.management.staff import StaffMemberCommand


class Command(StaffMemberCommand):
    help = "Create or update a coordinator: a staff member who edits all content."
    role = "coordinator"

    def staff_member_save(self, options, *, password):
        return coordinator_save(
            username=options["username"], email=options["email"], password=password
        )
