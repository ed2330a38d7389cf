package org.tipline.triage.staff.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipline.triage.staff.StaffDirectory;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.StaffRole;

/** Staff accounts for administrators: list, create, roles, disable and re-enable, reset credentials. */
@Controller
class AdminController {

    private final StaffDirectory directory;
    private final MessageSource messages;

    AdminController(StaffDirectory directory, MessageSource messages) {
        this.messages = messages;
        this.directory = directory;
    }

    /** What was typed into the create form, kept when it is refused. */
    record NewStaffForm(String username, String displayName, List<String> roles) {
        NewStaffForm {
            username = username == null ? "" : username;
            displayName = displayName == null ? "" : displayName;
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    @GetMapping("/admin/staff")
    String staff(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        return render(me, new NewStaffForm("", "", List.of()), null, model);
    }

    @PostMapping("/admin/staff")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) List<String> roles,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        var typed = new NewStaffForm(username, displayName, roles);
        try {
            var created = directory.create(username, displayName, parse(typed.roles()), me);
            redirect.addFlashAttribute("oneTimePassword", created);
            return "redirect:/admin/staff";
        } catch (StaffDirectory.RefusedException refused) {
            return render(me, typed, words(refused), model);
        }
    }

    @PostMapping("/admin/staff/{id}/enabled")
    String enabled(
            @PathVariable UUID id,
            @RequestParam boolean enabled,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        try {
            directory.setEnabled(id, enabled, me);
            return "redirect:/admin/staff?saved";
        } catch (StaffDirectory.RefusedException refused) {
            return render(me, new NewStaffForm("", "", List.of()), words(refused), model);
        }
    }

    @PostMapping("/admin/staff/{id}/roles")
    String roles(
            @PathVariable UUID id,
            @RequestParam(required = false) List<String> roles,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        try {
            directory.setRoles(id, parse(roles == null ? List.of() : roles), me);
            return "redirect:/admin/staff?saved";
        } catch (StaffDirectory.RefusedException refused) {
            return render(me, new NewStaffForm("", "", List.of()), words(refused), model);
        }
    }

    @PostMapping("/admin/staff/{id}/second-factor")
    String resetSecondFactor(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        try {
            directory.resetSecondFactor(id, me);
            return "redirect:/admin/staff?saved";
        } catch (StaffDirectory.RefusedException refused) {
            return render(me, new NewStaffForm("", "", List.of()), words(refused), model);
        }
    }

    @PostMapping("/admin/staff/{id}/reset")
    String reset(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("oneTimePassword", directory.resetCredentials(id, me));
            return "redirect:/admin/staff";
        } catch (StaffDirectory.RefusedException refused) {
            return render(me, new NewStaffForm("", "", List.of()), words(refused), model);
        }
    }

    private String render(StaffPrincipal me, NewStaffForm typed, String error, Model model) {
        model.addAttribute("accounts", directory.accounts(me));
        model.addAttribute("allRoles", StaffRole.values());
        model.addAttribute("typed", typed);
        model.addAttribute("error", error);
        return "admin-staff";
    }

    private String words(StaffDirectory.RefusedException refused) {
        return messages.getMessage(refused.getMessage(), refused.arguments(), LocaleContextHolder.getLocale());
    }

    private static Set<StaffRole> parse(List<String> roles) {
        Set<StaffRole> parsed = EnumSet.noneOf(StaffRole.class);
        for (String role : roles) {
            try {
                parsed.add(StaffRole.valueOf(role));
            } catch (IllegalArgumentException unknown) {
                throw new StaffDirectory.RefusedException("staff.error.unknownRole", role);
            }
        }
        return parsed;
    }
}
